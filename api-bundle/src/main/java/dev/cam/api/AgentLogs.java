package dev.cam.api;

import java.util.List;
import java.util.Map;

/**
 * Per-agent logs, one JSON object a line in {@code logs/<agent-id>.jsonl}: {@code {"ts",
 * "agent_id", "type", ...}}. Each line is appended whole, so readers never see half a line, even
 * across processes.
 *
 * <p>Threading: safe from any thread.
 */
public interface AgentLogs {
  void append(String agentId, String type, Map<String, Object> fields);

  /** The last {@code tail} entries (all when {@code tail <= 0}), oldest first, as parsed maps. */
  List<Map<String, Object>> read(String agentId, int tail);

  /**
   * Deletes the agent's log ({@code cam prune}).
   *
   * @return whether there was one
   * @throws UnsupportedOperationException when these logs cannot be deleted
   */
  default boolean delete(String agentId) {
    throw new UnsupportedOperationException("these logs cannot be deleted");
  }
}
