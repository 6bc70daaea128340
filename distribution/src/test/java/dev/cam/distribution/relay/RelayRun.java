package dev.cam.distribution.relay;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The real relay, {@code bin/cam-relay} from the relay's build, on 127.0.0.1. */
final class RelayRun implements AutoCloseable {
  static final Path HOME = Path.of(System.getProperty("cam.relay.dist"));
  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
  private final Process process;
  final URI uri;

  private RelayRun(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts a relay on {@code port} (0: any free port) and waits until it listens. */
  static RelayRun start(int port, String... extra) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                HOME.resolve("bin/cam-relay").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true);
    builder.command().addAll(java.util.List.of(extra));
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.start();
    ProcessOutput output = new ProcessOutput(process, "relay");
    try {
      return new RelayRun(process, URI.create(output.await(LISTENING, Duration.ofSeconds(30))));
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: the relay says goodbye to nobody. */
  void kill() throws InterruptedException {
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
}
