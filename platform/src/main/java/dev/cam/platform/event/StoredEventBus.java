package dev.cam.platform.event;

import dev.cam.api.AgentEvent;
import dev.cam.api.AgentLogs;
import dev.cam.api.EventBus;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Subscription;
import dev.cam.platform.store.EventStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of a CAM process: each event is stored (getting its sequence number) and appended
 * to its agent's log before any subscriber sees it, so {@link #since} replays exactly what live
 * subscribers saw. Within the process subscribers see events in sequence order: publishing is
 * serialised, and an event published by a subscriber is delivered once the current one has reached
 * every subscriber. A subscriber that throws is logged and skipped.
 *
 * <p>Threading: safe from any thread; subscribers run on the publishing thread.
 */
public final class StoredEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(StoredEventBus.class);
  private final EventStore store;
  private final AgentLogs logs;
  private final Clock clock;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<AgentEvent> pending = new ArrayDeque<>();
  private boolean delivering;

  public StoredEventBus(EventStore store, AgentLogs logs) {
    this(store, logs, Clock.systemUTC());
  }

  public StoredEventBus(EventStore store, AgentLogs logs, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.logs = Objects.requireNonNull(logs, "logs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AgentEvent publish(String agentId, String type, Map<String, Object> detail) {
    if (type == null || type.isBlank()) {
      throw new InvalidInputException("an event needs a type, e.g. 'status_change'");
    }
    lock.lock();
    try {
      AgentEvent event = store.append(agentId, type, clock.instant(), detail);
      if (agentId != null) {
        log(event);
      }
      pending.add(event);
      if (!delivering) {
        deliverPending();
      }
      return event;
    } finally {
      lock.unlock();
    }
  }

  private void log(AgentEvent event) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("ts", event.timestamp().toString());
    fields.put("seq", event.seq());
    fields.putAll(event.detail());
    try {
      logs.append(event.agentId(), event.type(), fields);
    } catch (RuntimeException e) {
      // the store holds the event; a log that cannot be written must not stop the agent's monitor
      LOG.warn(
          "event #{} is stored but not in the log of agent {}: {}",
          event.seq(),
          event.agentId(),
          e.getMessage());
    }
  }

  private void deliverPending() {
    delivering = true;
    try {
      for (AgentEvent next = pending.poll(); next != null; next = pending.poll()) {
        deliver(next);
      }
    } finally {
      delivering = false;
      pending.clear();
    }
  }

  private void deliver(AgentEvent event) {
    for (Subscriber s : subscribers) {
      if (s.matches(event.type())) {
        try {
          s.consumer().accept(event);
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          LOG.warn(
              "event subscriber for '{}' failed on event #{} ({})",
              s.pattern(),
              event.seq(),
              event.type(),
              e);
        }
      }
    }
  }

  @Override
  public Subscription subscribe(String pattern, Consumer<AgentEvent> consumer) {
    Subscriber s = new Subscriber(pattern, Objects.requireNonNull(consumer, "consumer"));
    subscribers.add(s);
    return () -> subscribers.remove(s);
  }

  @Override
  public List<AgentEvent> since(long afterSeq, String agentId, int limit) {
    return store.since(afterSeq, agentId, limit);
  }

  @Override
  public long lastSeq() {
    return store.lastSeq();
  }

  /** One subscription; identity matters, so the same consumer may subscribe twice. */
  private static final class Subscriber {
    private final String pattern;
    private final Consumer<AgentEvent> consumer;

    Subscriber(String pattern, Consumer<AgentEvent> consumer) {
      if (pattern == null
          || pattern.isEmpty()
          || pattern.indexOf('*') < pattern.length() - 1 && pattern.indexOf('*') >= 0) {
        throw new InvalidInputException(
            "event pattern '"
                + pattern
                + "' is not valid: use a type, '*', or a prefix ending in"
                + " '*' such as 'plugin_*'");
      }
      this.pattern = pattern;
      this.consumer = consumer;
    }

    String pattern() {
      return pattern;
    }

    Consumer<AgentEvent> consumer() {
      return consumer;
    }

    boolean matches(String type) {
      return pattern.endsWith("*")
          ? type.startsWith(pattern.substring(0, pattern.length() - 1))
          : pattern.equals(type);
    }
  }
}
