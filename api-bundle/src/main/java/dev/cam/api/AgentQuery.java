package dev.cam.api;

import java.util.Set;

/**
 * Filter and page for listing agents. Null fields match everything.
 *
 * @param statuses only these statuses, or empty for all
 * @param tool only this tool
 * @param context only this context
 * @param limit at most this many, newest first; 0 for no limit
 * @param offset skip this many
 */
public record AgentQuery(
    Set<AgentStatus> statuses, String tool, String context, int limit, int offset) {
  public static final AgentQuery ALL = new AgentQuery(Set.of(), null, null, 0, 0);

  public AgentQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (limit < 0 || offset < 0) {
      throw new InvalidInputException("limit and offset must be 0 or more");
    }
  }
}
