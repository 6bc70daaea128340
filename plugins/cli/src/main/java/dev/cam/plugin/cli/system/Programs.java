package dev.cam.plugin.cli.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a small program (e.g. {@code tmux -V}) and returns its first line of output. */
public final class Programs {
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private Programs() {}

  /**
   * The first line the command prints (stdout and stderr together) when it exits with 0 within 5 s;
   * empty when it is not installed, fails or hangs.
   */
  public static Optional<String> firstLine(List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return Optional.empty();
    }
    try (InputStream in = process.getInputStream()) {
      process.getOutputStream().close();
      if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      String first = text.lines().findFirst().orElse("");
      return process.exitValue() == 0 ? Optional.of(first) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return Optional.empty();
    }
  }
}
