package dev.cam.platform.agent;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small scheduler all monitors of a manager share: daemon threads named {@code cam-monitor-N}.
 */
final class MonitorThreads {
  private MonitorThreads() {}

  static ScheduledThreadPoolExecutor scheduler(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread thread = new Thread(task, "cam-monitor-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, factory);
    // Monitors cancel and reschedule wake-ups often; don't let cancelled ones pile up.
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  /** Stops the threads, waiting a little for a tick in progress. */
  static void shutdown(ScheduledThreadPoolExecutor executor) {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("monitor threads did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
