package dev.cam.relay.link;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: attempt n waits a uniformly random time between zero and
 * {@code min(cap, base * 2^n)}, so servers cut off together do not come back together.
 */
final class Backoff {
  private final long baseMillis;
  private final long capMillis;
  private final RandomGenerator random;

  Backoff(Duration base, Duration cap, RandomGenerator random) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.capMillis = Math.max(baseMillis, cap.toMillis());
    this.random = random;
  }

  /** Returns the delay before attempt {@code attempt} (0 for the first retry). */
  Duration delay(int attempt) {
    long ceiling = attempt >= 30 ? capMillis : Math.min(capMillis, baseMillis << attempt);
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }

  /** Returns the ceiling for attempt {@code attempt}, for tests and status. */
  Duration ceiling(int attempt) {
    return Duration.ofMillis(
        attempt >= 30 ? capMillis : Math.min(capMillis, baseMillis << attempt));
  }
}
