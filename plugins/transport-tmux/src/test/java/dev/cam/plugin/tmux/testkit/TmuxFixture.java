package dev.cam.plugin.tmux.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private tmux server for one test class: its socket lives in a fresh temporary directory, and
 * closing the fixture kills that server (by its socket, nothing else) and deletes the directory.
 *
 * <p>Register it on a static field, {@code @RegisterExtension static final TmuxFixture tmux = new
 * TmuxFixture();}: before all tests it checks {@link Prerequisites#tmux()} and makes the directory,
 * after all it cleans up. Or use {@link #start()} with try-with-resources.
 */
public final class TmuxFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private static final int MAX_SOCKET_PATH = 100;
  private Path dir;

  /** A started fixture, for use outside JUnit's extension model. */
  public static TmuxFixture start() {
    TmuxFixture fixture = new TmuxFixture();
    fixture.open();
    return fixture;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void open() {
    Prerequisites.tmux();
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
      // A unix socket path has a length limit (108 bytes on Linux).
      if (base.toString().length() > MAX_SOCKET_PATH - 30) {
        base = Path.of("/tmp");
      }
      dir = Files.createTempDirectory(base, "cam-tmux-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's socket, for {@code tmux -S}. */
  public Path socket() {
    return dir.resolve("tmux.sock");
  }

  /** The temporary directory holding the socket; tests may put files there. */
  public Path dir() {
    return dir;
  }

  /** {@code tmux -S <socket> args…}. */
  public List<String> command(String... args) {
    List<String> line = new ArrayList<>(List.of("tmux", "-S", socket().toString()));
    line.addAll(List.of(args));
    return line;
  }

  /** Runs tmux on this server and returns its output; fails on a non-zero exit. */
  public String tmux(String... args) {
    try {
      Process process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Kills this fixture's tmux server and deletes its directory; harmless twice. */
  @Override
  public void close() {
    if (dir == null) {
      return;
    }
    try {
      if (Files.exists(socket())) {
        Process kill = new ProcessBuilder(command("kill-server")).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        kill.waitFor(10, TimeUnit.SECONDS);
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      dir = null;
    }
  }
}
