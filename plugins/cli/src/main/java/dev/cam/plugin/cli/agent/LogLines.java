package dev.cam.plugin.cli.agent;

import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Log entries ({@code {"ts","agent_id","type",...}}) as one line each for people or scripts. */
final class LogLines {
  private static final Set<String> FRAME = Set.of("ts", "agent_id", "type", "seq");

  private LogLines() {}

  /** {@code 10:02:03 status_change from=pending to=starting}. */
  static String human(Map<String, Object> entry, Style style, ZoneId zone) {
    StringBuilder line = new StringBuilder();
    line.append(style.dim(time(entry.get("ts"), zone))).append("  ");
    String type = String.valueOf(entry.get("type"));
    line.append(type.equals("error") ? style.red(type) : style.bold(type));
    entry.forEach(
        (k, v) -> {
          if (!FRAME.contains(k)) {
            line.append("  ").append(k).append('=').append(value(v));
          }
        });
    return line.toString();
  }

  /** The entry's sequence number, or -1 when it has none. */
  static long seq(Map<String, Object> entry) {
    return entry.get("seq") instanceof Number n ? n.longValue() : -1;
  }

  private static String value(Object v) {
    Object shown = v instanceof List<?> list ? withoutTrailingBlanks(list) : v;
    String text = String.valueOf(shown).replace("\n", "\\n");
    return text.length() > 200 ? text.substring(0, 199) + "…" : text;
  }

  private static List<?> withoutTrailingBlanks(List<?> list) {
    int end = list.size();
    while (end > 0 && String.valueOf(list.get(end - 1)).isBlank()) {
      end--;
    }
    return list.subList(0, end);
  }

  private static String time(Object ts, ZoneId zone) {
    try {
      return Times.clock(Instant.parse(String.valueOf(ts)), zone);
    } catch (DateTimeParseException e) {
      return String.valueOf(ts);
    }
  }
}
