package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Machine;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TmuxWatchIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  TmuxTransport transport;
  int sessions;

  @BeforeEach
  void start() {
    transport = new TmuxTransport(TmuxSettings.at(tmux.socket()));
  }

  @AfterEach
  void stop() {
    transport.list(Machine.LOCAL).forEach(transport::kill);
    transport.close();
  }

  SessionRef readyAgent(String... steps) throws Exception {
    Path script = FakeAgent.script(dir, steps);
    String name = "cam-w" + (++sessions);
    SessionRef session =
        transport.create(
            new SessionSpec(
                name, null, dir.toString(), FakeAgent.command(script, null), null, 100, 30));
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯"), WAIT);
    return session;
  }

  /** Records when each callback came, in nanoTime. */
  static final class Calls implements Runnable {
    final List<Long> times = new CopyOnWriteArrayList<>();

    @Override
    public void run() {
      times.add(System.nanoTime());
    }

    int count() {
      return times.size();
    }
  }

  @Test
  void outputIsReportedWithinMilliseconds() throws Exception {
    SessionRef session = readyAgent("ready");
    Calls calls = new Calls();
    Subscription watch = transport.watch(session, calls);
    try {
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        int before = calls.count();
        long sent = System.nanoTime();
        transport.sendText(session, "x");
        Await.until(() -> calls.count() > before, WAIT, "a callback after typing");
        latencies.add((calls.times.get(before) - sent) / 1_000);
        Thread.sleep(60); // let the coalescing interval pass, as between real bursts
      }
      Collections.sort(latencies);
      long p50 = latencies.get(latencies.size() / 2);
      long max = latencies.get(latencies.size() - 1);
      System.out.printf("watch: send -> echo -> callback p50 %d us, max %d us%n", p50, max);
      assertTrue(p50 < 200_000, "median latency " + p50 + " us");
    } finally {
      watch.close();
    }
  }

  @Test
  void idleSessionCostsNoCallbacks() throws Exception {
    SessionRef session = readyAgent("ready");
    Calls calls = new Calls();
    Subscription watch = transport.watch(session, calls);
    try {
      Thread.sleep(1_000); // nothing happens on purpose: this is the measurement window
      assertEquals(0, calls.count());
    } finally {
      watch.close();
    }
  }

  @Test
  void busyOutputIsCoalesced() throws Exception {
    SessionRef session = readyAgent("ready", "lines 20000 flood", "busy 1s Editing", "ready");
    Calls calls = new Calls();
    Subscription watch = transport.watch(session, calls);
    try {
      transport.sendText(session, "go");
      transport.sendKeys(session, List.of("Enter"));
      Await.value(
          () -> transport.capture(session, 0, false),
          s -> s.text().contains("│ ❯") && s.text().contains("flood 20000"),
          WAIT);
      long span = (calls.times.get(calls.count() - 1) - calls.times.get(0)) / 1_000_000;
      System.out.printf("watch: %d callbacks over %d ms of output%n", calls.count(), span);
      assertTrue(calls.count() >= 5, calls.count() + " callbacks");
      assertTrue(calls.count() <= span / 20 + 2, calls.count() + " callbacks in " + span + " ms");
    } finally {
      watch.close();
    }
  }

  @Test
  void programThatExitsSilentlyIsReported() throws Exception {
    SessionRef session =
        transport.create(
            new SessionSpec(
                "cam-quiet", null, dir.toString(), List.of("sleep", "1"), null, 100, 30));
    Calls calls = new Calls();
    Subscription watch = transport.watch(session, calls);
    try {
      Await.until(() -> calls.count() > 0, WAIT, "a callback for the exit");
      assertFalse(transport.isAlive(session));
    } finally {
      watch.close();
    }
  }

  @Test
  void controlClientIsRestartedWhenItDies() throws Exception {
    SessionRef session = readyAgent("ready");
    Calls calls = new Calls();
    Subscription watch = transport.watch(session, calls);
    try {
      long first = transport.activityClientPid();
      assertTrue(first > 0);
      ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly);
      Await.until(
          () -> transport.activityClientPid() > 0 && transport.activityClientPid() != first,
          WAIT,
          "a new control client");
      assertNotEquals(first, transport.activityClientPid());
      int before = calls.count();
      transport.sendText(session, "y");
      Await.until(() -> calls.count() > before, WAIT, "a callback from the new client");
    } finally {
      watch.close();
    }
  }

  @Test
  void closedWatchHearsNothingAndStopsTheClient() throws Exception {
    SessionRef session = readyAgent("ready");
    Calls calls = new Calls();
    Subscription subscription = transport.watch(session, calls);
    subscription.close();
    subscription.close();
    assertEquals(-1, transport.activityClientPid());
    transport.sendText(session, "z");
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯ z"), WAIT);
    assertEquals(0, calls.count());
  }

  @Test
  void killedWatchedSessionLeavesNothingBehind() throws Exception {
    SessionRef session = readyAgent("ready");
    AtomicInteger calls = new AtomicInteger();
    Subscription watch = transport.watch(session, calls::incrementAndGet);
    try {
      transport.kill(session);
      String windows = tmux.tmux("list-windows", "-a", "-F", "#{session_name}:#{window_id}");
      assertEquals(1, windows.strip().lines().count(), windows);
      assertTrue(windows.startsWith("_cam-watch:"), windows);
    } finally {
      watch.close();
    }
  }

  @Test
  void closingTheTransportEndsItsThreadsAndClient() throws Exception {
    SessionRef session = readyAgent("ready");
    transport.watch(session, () -> {});
    long client = transport.activityClientPid();
    transport.close();
    assertTrue(ProcessHandle.of(client).map(p -> !p.isAlive()).orElse(true));
    Await.until(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("cam-tmux")),
        WAIT,
        "cam-tmux threads to end");
    transport = new TmuxTransport(TmuxSettings.at(tmux.socket()));
  }
}
