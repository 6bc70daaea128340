package dev.cam.relay.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The relay in its own JVM, started like {@code bin/cam-relay}, so it can be killed for real. */
public final class RelayProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
  private final Process process;
  public final URI uri;

  private RelayProcess(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  public static RelayProcess start(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.cam.relay.RelayMain");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                  }
                }
              } catch (Exception e) {
                listening.completeExceptionally(e);
              }
              listening.completeExceptionally(new IllegalStateException("relay exited early"));
            });
    reader.setDaemon(true);
    reader.start();
    try {
      return new RelayProcess(process, listening.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no goodbye to anyone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The project root, for tests that run the built distribution. */
  public static Path projectRoot() {
    return Paths.get(System.getProperty("cam.project.root", "..")).toAbsolutePath().normalize();
  }
}
