package dev.cam.platform.monitor;

import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the last screen and since when it has not changed. Not thread-safe: owned by one
 * monitor.
 */
final class ScreenStability {
  private String text;
  private Instant since;

  /** Records a capture; returns true when it differs from the previous one. */
  boolean update(Screen screen, Instant now) {
    String next = screen.text();
    if (next.equals(text)) {
      return false;
    }
    text = next;
    since = now;
    return true;
  }

  /** How long the screen has looked the same; zero before the first capture. */
  Duration stableFor(Instant now) {
    return since == null ? Duration.ZERO : Duration.between(since, now);
  }

  /** Whether it has been unchanged for at least {@code window}. */
  boolean stable(Duration window, Instant now) {
    return since != null && stableFor(now).compareTo(window) >= 0;
  }

  /** Time left until the screen has been stable for {@code window}; zero when it already is. */
  Duration until(Duration window, Instant now) {
    Duration left = window.minus(stableFor(now));
    return left.isNegative() ? Duration.ZERO : left;
  }
}
