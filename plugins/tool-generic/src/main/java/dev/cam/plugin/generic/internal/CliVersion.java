package dev.cam.plugin.generic.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code <cli> --version} with a timeout. Output goes to a temporary file, so a CLI that hangs
 * can't block a reader thread; it is killed when the time is up.
 */
public final class CliVersion {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?[\\w.+-]*");
  private final Duration timeout;

  public CliVersion(Duration timeout) {
    this.timeout = timeout;
  }

  /** The first version number the command prints, or empty when it is missing, fails or hangs. */
  public Optional<String> of(List<String> command) {
    Path out = null;
    try {
      out = Files.createTempFile("cam-version", ".txt");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(Files.readString(out, StandardCharsets.UTF_8));
      return m.find() ? Optional.of(m.group()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not installed: the caller says how to install it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      deleteQuietly(out);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
  }
}
