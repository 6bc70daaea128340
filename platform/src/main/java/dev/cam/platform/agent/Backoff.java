package dev.cam.platform.agent;

import dev.cam.platform.config.CamSettings;
import java.time.Duration;

/**
 * Exponential backoff between attempts.
 *
 * @param initial wait before the first retry
 * @param max the longest wait
 * @param multiplier growth from one retry to the next, at least 1
 */
public record Backoff(Duration initial, Duration max, double multiplier) {
  public static final Backoff DEFAULTS =
      new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 2);

  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || multiplier < 1) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= initial <= max and a multiplier of at least 1");
    }
  }

  /** Backoff from the {@code [retry]} configuration section. */
  public static Backoff from(CamSettings.Retry config) {
    return new Backoff(config.backoffInitial(), config.backoffMax(), config.backoffMultiplier());
  }

  /** The wait before retry number {@code retry} (1 for the first), capped at {@link #max}. */
  public Duration delay(int retry) {
    double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
