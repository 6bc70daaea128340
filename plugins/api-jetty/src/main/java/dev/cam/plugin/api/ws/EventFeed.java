package dev.cam.plugin.api.ws;

import dev.cam.api.AgentEvent;
import dev.cam.api.EventBus;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Every stored event once, in sequence order, whichever process wrote it. Events published in this
 * process come from the bus at once; events another process (a {@code cam run} in another JVM)
 * stored in the same database are found by {@link #poll()}, one indexed query when nothing is new.
 * When an event arrives from the bus after a gap, the gap is read from the store first, so no event
 * is skipped and none is sent twice.
 *
 * <p>Threading: {@link #onBus} runs on publishing threads, {@link #poll} on a timer; both are
 * serialised here. The sink must not block. Used by the WebSocket hub and by Web Push.
 */
public final class EventFeed {
  private static final int BATCH = 500;
  private final EventBus events;
  private final Consumer<AgentEvent> sink;
  private final BooleanSupplier anyone;
  private long delivered;

  /**
   * @param sink receives each event once, in order
   * @param anyone whether someone listens; when nobody does, the store is not read
   */
  public EventFeed(EventBus events, Consumer<AgentEvent> sink, BooleanSupplier anyone) {
    this.events = events;
    this.sink = sink;
    this.anyone = anyone;
  }

  /**
   * Starts after the events stored so far; called again when the first listener comes after none,
   * since nothing was read meanwhile.
   */
  public synchronized void start() {
    delivered = events.lastSeq();
  }

  /** An event published in this process. */
  public synchronized void onBus(AgentEvent event) {
    if (event.seq() <= delivered) {
      return;
    }
    if (event.seq() == delivered + 1 || !anyone.getAsBoolean()) {
      delivered = event.seq();
      if (anyone.getAsBoolean()) {
        sink.accept(event);
      }
      return;
    }
    // another process stored events between the last one delivered and this one
    catchUp(event.seq());
  }

  /**
   * Delivers what other processes stored since the last event delivered; asks the store nothing
   * while nobody listens.
   */
  public synchronized void poll() {
    if (!anyone.getAsBoolean()) {
      return;
    }
    long last = events.lastSeq();
    if (last > delivered) {
      catchUp(last);
    }
  }

  private void catchUp(long upTo) {
    while (delivered < upTo) {
      List<AgentEvent> batch = events.since(delivered, null, BATCH);
      if (batch.isEmpty()) {
        return;
      }
      for (AgentEvent e : batch) {
        delivered = e.seq();
        sink.accept(e);
      }
    }
  }
}
