package dev.cam.platform.monitor;

import dev.cam.api.SessionRef;
import dev.cam.api.Subscription;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * When a monitor looks at its session: on reported activity (a burst coalesced into one look, never
 * closer than the minimum gap), at the next deadline a decision waits on, and on the (safety) poll.
 * Threading: {@link #activity()} from any thread; the rest under the owning monitor's lock.
 */
final class TickSchedule {
  private final ScheduledExecutorService scheduler;
  private final MonitorSettings settings;
  private final Runnable tick;
  private final AtomicBoolean queued = new AtomicBoolean();

  /** Set by the wake-up as it runs, before it waits for the monitor's lock. */
  private final AtomicBoolean woke = new AtomicBoolean();

  private volatile long lastLookNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
  private Subscription watch;
  private ScheduledFuture<?> poll;
  private ScheduledFuture<?> wake;
  private Instant wakeAt;

  TickSchedule(ScheduledExecutorService scheduler, MonitorSettings settings, Runnable tick) {
    this.scheduler = scheduler;
    this.settings = settings;
    this.tick = tick;
  }

  /** Subscribes to activity when the transport can report it, and starts the poll. */
  void start(Transport transport, SessionRef session, Consumer<String> errors) {
    try {
      watch = transport.watch(session, this::activity);
    } catch (TransportException e) {
      errors.accept("activity watch unavailable, polling instead: " + e.getMessage());
    }
    long every = (watch == null ? settings.pollInterval() : settings.safetyPoll()).toMillis();
    poll = scheduler.scheduleWithFixedDelay(tick, every, every, TimeUnit.MILLISECONDS);
  }

  boolean eventDriven() {
    return watch != null;
  }

  /** The session changed: look soon, once for a burst of reports. */
  void activity() {
    if (queued.compareAndSet(false, true)) {
      long gap = lastLookNanos + settings.minCaptureGap().toNanos() - System.nanoTime();
      long delay = Math.max(settings.activityDelay().toNanos(), gap);
      try {
        scheduler.schedule(tick, delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        queued.set(false);
      }
    }
  }

  /**
   * A look starts now; a wake-up that ran or is due by now may be this one, so the next must be
   * scheduled. A wake-up can run a little before its instant (the two clocks differ by up to a
   * millisecond): it still counts as spent, or the deadline it was for would wait for the poll.
   */
  void looking(Instant now) {
    queued.set(false);
    lastLookNanos = System.nanoTime();
    if (woke.getAndSet(false) || wakeAt != null && !wakeAt.isAfter(now)) {
      wakeAt = null;
    }
  }

  /** Wakes up after {@code next} unless an earlier wake-up is pending; nothing when null. */
  void wakeIn(Duration next, Instant now) {
    if (next == null) {
      return;
    }
    Instant at = now.plus(next);
    if (wake != null && !wake.isDone() && wakeAt != null && !wakeAt.isAfter(at)) {
      return;
    }
    if (wake != null) {
      wake.cancel(false);
    }
    wakeAt = at;
    wake = scheduler.schedule(this::wake, Math.max(1, ceilMillis(next)), TimeUnit.MILLISECONDS);
  }

  private void wake() {
    woke.set(true);
    tick.run();
  }

  private static long ceilMillis(Duration delay) {
    long millis = delay.toMillis();
    return delay.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  /** Runs {@code work} once after {@code delay}, e.g. to submit a typed prompt. */
  void once(Runnable work, Duration delay) {
    scheduler.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  void cancel() {
    if (poll != null) {
      poll.cancel(false);
    }
    if (wake != null) {
      wake.cancel(false);
    }
    if (watch != null) {
      watch.close();
      watch = null;
    }
  }
}
