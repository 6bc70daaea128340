package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickScheduleTest {
  private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aWakeUpThatRunsJustBeforeItsInstantStillLetsTheDeadlineBeWokenFor() throws Exception {
    AtomicInteger ticks = new AtomicInteger();
    CountDownLatch again = new CountDownLatch(1);
    TickSchedule[] schedule = new TickSchedule[1];
    // The monitor's clock says the wake-up for START + 20 ms came half a millisecond early.
    Instant early = START.plusMillis(20).minusNanos(500_000);
    Runnable tick =
        () -> {
          synchronized (schedule) {
            schedule[0].looking(early);
            if (ticks.incrementAndGet() == 1) {
              schedule[0].wakeIn(Duration.between(early, START.plusMillis(20)), early);
            } else {
              again.countDown();
            }
          }
        };
    schedule[0] = new TickSchedule(scheduler, MonitorSettings.DEFAULTS, tick);
    synchronized (schedule) {
      schedule[0].wakeIn(Duration.ofMillis(20), START);
    }

    assertTrue(again.await(5, TimeUnit.SECONDS), "the deadline got its wake-up");
  }
}
