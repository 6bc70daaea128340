package dev.cam.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, stored with a global, strictly increasing sequence number.
 *
 * @param seq global sequence number assigned by the store (1, 2, 3, ...); 0 only before storing
 * @param agentId the agent it concerns, or {@code null} for platform events (plugins, server)
 * @param type event type; see {@link EventTypes}
 * @param timestamp when it happened
 * @param detail JSON-like details (strings, numbers, booleans, lists, maps), copied
 */
public record AgentEvent(
    long seq, String agentId, String type, Instant timestamp, Map<String, Object> detail) {
  public AgentEvent {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative");
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    detail = detail == null ? Map.of() : Map.copyOf(detail);
  }
}
