package dev.cam.plugin.cli.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An agent's events as log entries ({@code {ts, agent_id, type, seq, ...detail}}), in sequence
 * order, each once. Used by one thread.
 */
public interface EventFeed extends AutoCloseable {
  /** The entries that arrived since the last call, waiting up to {@code wait} for one. */
  List<Map<String, Object>> next(Duration wait) throws InterruptedException;

  /**
   * Every stored entry not returned yet, without waiting: what an agent that has ended logged last.
   */
  List<Map<String, Object>> rest();

  @Override
  void close();
}
