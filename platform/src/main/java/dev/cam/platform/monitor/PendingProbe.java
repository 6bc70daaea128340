package dev.cam.platform.monitor;

import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A probe in flight: keys sent to a screen that didn't say whether the tool is busy or idle. An
 * idle input prompt echoes them; a busy TUI swallows them.
 *
 * @param keys the keys sent
 * @param baseline how often their text appeared near the bottom before sending
 * @param sentAt when they were sent
 */
record PendingProbe(List<String> keys, int baseline, Instant sentAt) {
  private static final int BOTTOM_LINES = 5;

  PendingProbe {
    keys = List.copyOf(keys);
  }

  static PendingProbe send(List<String> keys, Screen before, Instant now) {
    return new PendingProbe(keys, occurrences(text(keys), before), now);
  }

  /** Whether the screen now shows the keys' text more often than before: they were echoed. */
  boolean echoedOn(Screen screen) {
    return occurrences(text(keys), screen) > baseline;
  }

  /** The {@code probe} event's detail: keys, result ({@code idle} or {@code busy}), wait. */
  Map<String, Object> outcome(boolean echoed, Instant now) {
    Map<String, Object> detail = new HashMap<>();
    detail.put("keys", keys);
    detail.put("result", echoed ? "idle" : "busy");
    detail.put("waited_ms", Duration.between(sentAt, now).toMillis());
    return detail;
  }

  /** The keys that erase the echo. */
  List<String> eraseKeys() {
    return Collections.nCopies(keys.size(), "BSpace");
  }

  private static String text(List<String> keys) {
    return String.join("", keys);
  }

  private static int occurrences(String text, Screen screen) {
    if (text.isEmpty()) {
      return 0;
    }
    List<String> lines = screen.lines();
    int count = 0;
    int seen = 0;
    for (int i = lines.size() - 1; i >= 0 && seen < BOTTOM_LINES; i--) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      seen++;
      for (int at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + text.length())) {
        count++;
      }
    }
    return count;
  }
}
