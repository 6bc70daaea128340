package dev.cam.platform.monitor;

import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Throttles {@code output} events: the bottom lines of the screen when they changed, at most once
 * per interval, and the last change always goes out once the interval has passed. Not thread-safe:
 * owned by one monitor.
 */
final class Outputs {
  private final Duration interval;
  private final int lines;
  private boolean dirty;
  private Instant lastAt;
  private List<String> last = List.of();

  Outputs(Duration interval, int lines) {
    this.interval = interval;
    this.lines = lines;
  }

  void changed() {
    dirty = true;
  }

  /** The lines to publish now, or {@code null} when nothing is due. */
  List<String> due(Screen screen, Instant now) {
    if (!dirty || (lastAt != null && now.isBefore(lastAt.plus(interval)))) {
      return null;
    }
    dirty = false;
    List<String> bottom = bottom(screen, lines);
    if (bottom.equals(last)) {
      return null;
    }
    last = bottom;
    lastAt = now;
    return bottom;
  }

  /** Time until a pending change may go out, or {@code null} when none is pending. */
  Duration untilDue(Instant now) {
    if (!dirty) {
      return null;
    }
    if (lastAt == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, lastAt.plus(interval));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The last {@code count} lines up to the last non-blank one. */
  static List<String> bottom(Screen screen, int count) {
    List<String> all = screen.lines();
    int end = all.size();
    while (end > 0 && all.get(end - 1).isBlank()) {
      end--;
    }
    return List.copyOf(all.subList(Math.max(0, end - count), end));
  }
}
