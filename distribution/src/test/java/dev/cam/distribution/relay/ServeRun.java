package dev.cam.distribution.relay;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The real {@code bin/cam serve --relay URL} with private directories and an API port of its own
 * choosing; what it printed tells the API address, the token and the address through the relay.
 */
final class ServeRun implements AutoCloseable {
  private static final Path CAM = Path.of(System.getProperty("cam.dist")).resolve("bin/cam");
  private static final Pattern API = Pattern.compile("started api (\\S+)/api ");
  private static final Pattern TOKEN = Pattern.compile("started api .*token: (\\S+)");
  private static final Pattern PHONE = Pattern.compile("started relay .*open (\\S+)");
  private final Process process;
  final ProcessOutput output;
  final URI api;
  final String token;
  final URI phone;

  private ServeRun(Process process, ProcessOutput output) throws InterruptedException {
    this.process = process;
    this.output = output;
    Duration limit = Duration.ofSeconds(60);
    this.api = URI.create(output.await(API, limit) + "/");
    this.token = output.await(TOKEN, limit);
    this.phone = URI.create(output.await(PHONE, limit));
  }

  static ServeRun start(Path dir, URI relay) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(CAM.toString(), "serve", "--relay", relay.toString())
            .directory(Files.createDirectories(dir).toFile())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HOME", dir.resolve("home").toString());
    env.put("CAM_CONFIG_DIR", dir.resolve("config").toString());
    env.put("CAM_DATA_DIR", dir.resolve("data").toString());
    env.put("CAM_SERVER_PORT", "0");
    env.put("CAM_TMUX_SOCKET", dir.resolve("tmux.sock").toString());
    env.remove("JAVA_OPTS");
    Process process = builder.start();
    try {
      return new ServeRun(process, new ProcessOutput(process, "serve"));
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** SIGTERM, as Ctrl-C would, and wait for it to stop. */
  @Override
  public void close() throws IOException {
    try {
      new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        throw new AssertionError("cam serve did not stop on SIGTERM: " + output.text());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.destroyForcibly();
    }
  }
}
