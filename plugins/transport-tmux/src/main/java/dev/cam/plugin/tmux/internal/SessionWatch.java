package dev.cam.plugin.tmux.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The listeners of one session and the coalescing of its activity: the first output after a quiet
 * spell is reported at once, then at most once per interval however much the pane prints.
 */
final class SessionWatch {
  private static final System.Logger LOG = System.getLogger(SessionWatch.class.getName());
  private final String session;
  private final long intervalNanos;
  private final ScheduledExecutorService dispatcher;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile long lastFired;
  private volatile Set<String> panes = Set.of();

  SessionWatch(String session, long intervalNanos, ScheduledExecutorService dispatcher) {
    this.session = session;
    this.intervalNanos = intervalNanos;
    this.dispatcher = dispatcher;
    this.lastFired = System.nanoTime() - intervalNanos;
  }

  String session() {
    return session;
  }

  Set<String> panes() {
    return panes;
  }

  void panes(Set<String> ids) {
    panes = Set.copyOf(ids);
  }

  void add(Runnable listener) {
    listeners.add(listener);
  }

  /** Removes the listener; true when none is left. */
  boolean remove(Runnable listener) {
    listeners.remove(listener);
    return listeners.isEmpty();
  }

  /** Called from the control client's reader for each output notification of this session. */
  void signal() {
    if (!pending.compareAndSet(false, true)) {
      return;
    }
    long delay = Math.max(0, lastFired + intervalNanos - System.nanoTime());
    try {
      dispatcher.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      pending.set(false); // shutting down
    }
  }

  private void fire() {
    pending.set(false);
    lastFired = System.nanoTime();
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "activity listener of " + session + " failed", e);
      }
    }
  }
}
