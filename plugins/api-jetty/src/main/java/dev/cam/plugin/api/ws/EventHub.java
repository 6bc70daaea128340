package dev.cam.plugin.api.ws;

import dev.cam.api.AgentEvent;
import dev.cam.api.EventBus;
import dev.cam.api.Subscription;
import dev.cam.plugin.api.http.Json;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans the stored events out to the WebSocket clients: one bus subscription for all of them, plus a
 * look at the store every {@link #STORE_POLL} for events other processes wrote (see {@link
 * EventFeed}); each event is turned into its frame once. Pings every client periodically so idle
 * connections stay open through proxies and relays.
 *
 * <p>Threading: {@link #publish} runs on the publisher's or the timer's thread and only queues
 * frames. Lifecycle: {@link #start()} with the server, {@link #stop()} closes every client with
 * 1001.
 */
public final class EventHub {
  private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

  /** How often the store is asked for events written by other processes. */
  static final Duration STORE_POLL = Duration.ofMillis(250);

  private final EventBus events;
  private final Json json;
  private final Frames frames;
  private final Executor replays;
  private final Duration pingInterval;
  private final Set<EventSocket> clients = ConcurrentHashMap.newKeySet();
  private final EventFeed feed;
  private ScheduledExecutorService timers;
  private Subscription subscription;

  public EventHub(EventBus events, Json json, Executor replays, Duration pingInterval) {
    this.events = events;
    this.json = json;
    this.frames = new Frames(json);
    this.replays = replays;
    this.pingInterval = pingInterval;
    this.feed = new EventFeed(events, this::publish, () -> !clients.isEmpty());
  }

  public synchronized void start() {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "cam-api-ws-timer");
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    timers = pool;
    long every = pingInterval.toMillis();
    timers.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    feed.start();
    subscription = events.subscribe("*", feed::onBus);
    long poll = STORE_POLL.toMillis();
    timers.scheduleWithFixedDelay(this::pollStore, poll, poll, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    for (EventSocket client : clients) {
      client.close(StatusCode.SHUTDOWN, "server stopping; reconnect with since=<last seq>");
    }
    clients.clear();
    if (timers != null) {
      timers.shutdownNow();
      timers = null;
    }
  }

  /** Clients connected now. */
  public int size() {
    return clients.size();
  }

  void publish(AgentEvent event) {
    if (clients.isEmpty()) {
      return;
    }
    String frame = frames.of(event);
    for (EventSocket client : clients) {
      client.live(event.seq(), event.agentId(), frame);
    }
  }

  void add(EventSocket client) {
    clients.add(client);
  }

  void remove(EventSocket client) {
    clients.remove(client);
  }

  EventBus events() {
    return events;
  }

  Json json() {
    return json;
  }

  Frames frames() {
    return frames;
  }

  Executor replays() {
    return replays;
  }

  void later(Runnable task, Duration delay) {
    ScheduledExecutorService t = timers;
    if (t != null) {
      t.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void pollStore() {
    try {
      feed.poll();
    } catch (RuntimeException e) {
      // the store is busy or gone for a moment; the next look catches up
      LOG.debug("looking for events of other processes failed: {}", e.getMessage());
    }
  }

  private void pingAll() {
    for (EventSocket client : clients) {
      client.session().ifPresent(s -> s.sendPing(ByteBuffer.allocate(0), Callback.NOOP));
    }
  }
}
