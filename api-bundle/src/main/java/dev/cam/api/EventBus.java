package dev.cam.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publish/subscribe for {@link AgentEvent}s. Each event is stored with its global sequence number
 * (and appended to its agent's log) before any subscriber sees it, so {@link #since} replays
 * exactly what live subscribers saw.
 *
 * <p>Threading: safe from any thread. Subscribers are called on the publishing thread, one after
 * the other; a subscriber that throws is logged and does not affect the others or the publisher.
 * Keep subscribers quick; hand slow work to your own executor.
 */
public interface EventBus {
  /** Stores and delivers an event; returns it with its sequence number. */
  AgentEvent publish(String agentId, String type, Map<String, Object> detail);

  /**
   * Subscribes to events whose type matches {@code pattern}: an exact type, {@code "*"} for all, or
   * a prefix wildcard such as {@code "plugin_*"}.
   */
  Subscription subscribe(String pattern, Consumer<AgentEvent> subscriber);

  /**
   * Stored events with {@code seq > afterSeq}, oldest first, at most {@code limit}.
   *
   * @param agentId only this agent's events, or {@code null} for all
   */
  List<AgentEvent> since(long afterSeq, String agentId, int limit);

  /** The highest sequence number stored so far (0 when none). */
  long lastSeq();
}
