package dev.cam.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the real {@code bin/cam}, with private config and data directories. */
record CamRun(int exitCode, String out, String err) {
  static CamRun of(Path cam, Path temp, String... args) throws IOException, InterruptedException {
    return of(cam, temp, Map.of(), args);
  }

  static CamRun of(Path cam, Path temp, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(cam.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    environment(builder, temp).putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("cam " + String.join(" ", args) + " did not end");
    }
    return new CamRun(
        process.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  static Map<String, String> environment(ProcessBuilder builder, Path temp) {
    Map<String, String> env = builder.environment();
    env.put("HOME", temp.resolve("home").toString());
    env.put("CAM_CONFIG_DIR", temp.resolve("config").toString());
    env.put("CAM_DATA_DIR", temp.resolve("data").toString());
    env.remove("JAVA_OPTS");
    return env;
  }
}
