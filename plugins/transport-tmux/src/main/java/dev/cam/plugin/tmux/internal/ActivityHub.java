package dev.cam.plugin.tmux.internal;

import dev.cam.api.Subscription;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Event-driven activity for every watched session through ONE control-mode client.
 *
 * <p>A control client only hears about panes of the session it is attached to, so each watched
 * session's windows are also linked into a hidden session, {@value #WATCH_SESSION}, whose own
 * window is a dead placeholder pane. The client attaches there and reports output of all watched
 * panes; idle sessions cost nothing. If the client dies it is restarted with backoff while a
 * watched session still exists; a server that is gone (killed) is never started again. The same
 * client also carries the transport's commands ({@link CommandChannel}).
 */
public final class ActivityHub implements AutoCloseable {
  /** The hidden session the control client attaches to; not a {@code cam-} session. */
  public static final String WATCH_SESSION = "_cam-watch";

  private static final Duration ATTACH_WAIT = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(ActivityHub.class.getName());
  private final TmuxClient tmux;
  private final BooleanSupplier noStartFlag;
  private final long intervalNanos;
  private final ScheduledExecutorService dispatcher;
  private final Map<String, SessionWatch> bySession = new ConcurrentHashMap<>();
  private final Map<String, SessionWatch> byPane = new ConcurrentHashMap<>();
  private volatile ControlClient client;
  private long clientStarted;
  private int failures;
  private boolean closed;

  /**
   * @param noStartFlag whether this tmux has {@code -N}, asked when the first client starts
   */
  public ActivityHub(TmuxClient tmux, Duration interval, BooleanSupplier noStartFlag) {
    this.tmux = tmux;
    this.noStartFlag = noStartFlag;
    this.intervalNanos = interval.toNanos();
    this.dispatcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "cam-tmux-activity");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Calls {@code listener} soon after the session prints something, until the result is closed. */
  public synchronized Subscription watch(String session, Runnable listener) {
    if (closed) {
      throw new TransportException("the tmux transport is closed");
    }
    SessionWatch watch = bySession.get(session);
    if (watch == null) {
      watch = new SessionWatch(session, intervalNanos, dispatcher);
      link(watch);
      bySession.put(session, watch);
    }
    watch.add(listener);
    ensureClient();
    return () -> unwatch(session, listener);
  }

  /** The control client when it runs and takes commands, else {@code null}. */
  ControlClient control() {
    ControlClient current = client;
    return current != null && current.ready() ? current : null;
  }

  /** Pid of the running control client, or -1. */
  public synchronized long clientPid() {
    return client != null && client.isAlive() ? client.pid() : -1;
  }

  private synchronized void unwatch(String session, Runnable listener) {
    SessionWatch watch = bySession.get(session);
    if (watch == null || !watch.remove(listener)) {
      return;
    }
    bySession.remove(session);
    watch.panes().forEach(byPane::remove);
    WatchLinks.unlink(tmux, session);
    if (bySession.isEmpty() && client != null) {
      client.close();
      client = null;
    }
  }

  /** Links the session's windows into the watch session and maps its panes. */
  private void link(SessionWatch watch) {
    Set<String> panes = WatchLinks.link(tmux, watch.session());
    watch.panes().forEach(byPane::remove);
    watch.panes(panes);
    panes.forEach(pane -> byPane.put(pane, watch));
  }

  private void ensureClient() {
    if (client != null && client.isAlive()) {
      return;
    }
    client =
        ControlClient.start(
            tmux,
            WATCH_SESSION,
            noStartFlag.getAsBoolean(),
            this::onPaneOutput,
            this::onClientExit);
    clientStarted = System.nanoTime();
    // Output printed from now on must be heard: a watcher's first look may depend on it.
    client.awaitAttached(ATTACH_WAIT);
  }

  private void onPaneOutput(String pane) {
    SessionWatch watch = byPane.get(pane);
    if (watch != null) {
      watch.signal();
    }
  }

  /** Runs on the reader thread as it ends; the decision is made on the dispatcher. */
  private void onClientExit() {
    try {
      dispatcher.execute(this::clientEnded);
    } catch (RejectedExecutionException closing) {
      // closed meanwhile
    }
  }

  private synchronized void clientEnded() {
    if (closed || bySession.isEmpty()) {
      return;
    }
    boolean livedLong = System.nanoTime() - clientStarted > TimeUnit.SECONDS.toNanos(2);
    failures = livedLong ? 0 : failures + 1;
    long delay = Math.min(5_000, 50L << Math.min(failures, 7));
    LOG.log(System.Logger.Level.INFO, "tmux control client ended; restarting in " + delay + " ms");
    dispatcher.schedule(this::restart, delay, TimeUnit.MILLISECONDS);
  }

  private synchronized void restart() {
    if (closed || bySession.isEmpty() || (client != null && client.isAlive())) {
      return;
    }
    byPane.clear();
    boolean anyLeft = false;
    for (SessionWatch watch : List.copyOf(bySession.values())) {
      try {
        link(watch);
        anyLeft = true;
      } catch (TransportException gone) {
        watch.panes(new HashSet<>());
      }
    }
    if (!anyLeft) {
      client = null; // every watched session is gone: don't keep a server alive for nothing
      return;
    }
    try {
      client = null;
      clientStarted = System.nanoTime();
      ensureClient();
    } catch (TransportException e) {
      clientEnded();
    }
  }

  @Override
  public void close() {
    ControlClient last;
    synchronized (this) {
      closed = true;
      last = client;
      client = null;
    }
    if (last != null) {
      last.close();
    }
    dispatcher.shutdownNow();
    try {
      dispatcher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
