package dev.cam.plugin.cli.agent;

import dev.cam.api.AgentEvent;
import dev.cam.plugin.cli.Style;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Log entries ({@code {"ts","agent_id","type",...}}) as one line each for people or scripts. */
final class LogLines {
  private static final Set<String> FRAME = Set.of("ts", "agent_id", "type", "seq");

  private LogLines() {}

  /** An event as the line its agent's log holds for it. */
  static Map<String, Object> entry(AgentEvent event) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("ts", event.timestamp().toString());
    entry.put("agent_id", event.agentId());
    entry.put("type", event.type());
    entry.put("seq", event.seq());
    event.detail().forEach(entry::putIfAbsent);
    return entry;
  }

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
    String text = String.valueOf(v).replace("\n", "\\n");
    return text.length() > 200 ? text.substring(0, 199) + "…" : text;
  }

  private static String time(Object ts, ZoneId zone) {
    try {
      return LocalTime.ofInstant(Instant.parse(String.valueOf(ts)), zone)
          .truncatedTo(ChronoUnit.SECONDS)
          .toString();
    } catch (DateTimeParseException e) {
      return String.valueOf(ts);
    }
  }
}
