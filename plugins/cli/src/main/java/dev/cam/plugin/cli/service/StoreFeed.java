package dev.cam.plugin.cli.service;

import dev.cam.api.AgentEvent;
import dev.cam.api.EventBus;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An agent's events read from the store by polling, so it sees what any CAM process sharing the
 * store writes.
 */
final class StoreFeed implements EventFeed {
  private final EventBus events;
  private final String agentId;
  private long last;

  StoreFeed(EventBus events, String agentId, long afterSeq) {
    this.events = events;
    this.agentId = agentId;
    this.last = afterSeq;
  }

  @Override
  public List<Map<String, Object>> next(Duration wait) throws InterruptedException {
    List<AgentEvent> stored = events.since(last, agentId, 0);
    if (stored.isEmpty()) {
      Thread.sleep(wait.toMillis());
      return List.of();
    }
    last = stored.get(stored.size() - 1).seq();
    return stored.stream().map(LogEntries::of).toList();
  }

  @Override
  public List<Map<String, Object>> rest() {
    List<AgentEvent> stored = events.since(last, agentId, 0);
    if (!stored.isEmpty()) {
      last = stored.get(stored.size() - 1).seq();
    }
    return stored.stream().map(LogEntries::of).toList();
  }

  @Override
  public void close() {
    // nothing held
  }
}
