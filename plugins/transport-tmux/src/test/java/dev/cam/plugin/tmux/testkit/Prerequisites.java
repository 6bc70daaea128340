package dev.cam.plugin.tmux.testkit;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks for programs a test needs. Locally a missing one skips the test with a message saying what
 * to install; under {@code CI=true} it fails it, since CI must run everything.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** tmux on PATH. */
  public static void tmux() {
    require("tmux", "install it with apt install tmux", "tmux", "-V");
  }

  /** Any program that answers {@code args} with exit code 0. */
  public static void require(String what, String install, String... args) {
    if (!runs(args)) {
      String message = what + " is not available: " + install;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
  }

  private static boolean runs(String... args) {
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
