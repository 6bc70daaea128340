package dev.cam.plugin.cli.service;

import dev.cam.api.AgentEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events as the lines an agent's log holds for them. */
public final class LogEntries {
  private LogEntries() {}

  /** {@code {ts, agent_id, type, seq, ...detail}}. */
  public static Map<String, Object> of(AgentEvent event) {
    return of(
        event.timestamp().toString(), event.agentId(), event.type(), event.seq(), event.detail());
  }

  public static Map<String, Object> of(
      String ts, String agentId, String type, long seq, Map<String, ?> detail) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("ts", ts);
    entry.put("agent_id", agentId);
    entry.put("type", type);
    entry.put("seq", seq);
    detail.forEach(entry::putIfAbsent);
    return entry;
  }
}
