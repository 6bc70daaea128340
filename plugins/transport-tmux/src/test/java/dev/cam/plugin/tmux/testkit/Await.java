package dev.cam.plugin.tmux.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it every few milliseconds, up to a deadline. */
public final class Await {
  private static final long POLL_MILLIS = 10;

  private Await() {}

  /** Returns once the condition holds; fails the test with {@code what} after the timeout. */
  public static void until(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      pause();
    }
  }

  /** {@link #until(BooleanSupplier, Duration, String)} without a description. */
  public static void until(BooleanSupplier condition, Duration timeout) {
    until(condition, timeout, "the condition");
  }

  /**
   * Waits until {@code value} gives something matching {@code condition} and returns it; on timeout
   * the assertion error shows the last value (e.g. the last screen).
   */
  public static <T> T value(
      Supplier<T> value, java.util.function.Predicate<T> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = value.get();
    while (!condition.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toMillis() + " ms; last value:\n" + last);
      }
      pause();
      last = value.get();
    }
    return last;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
