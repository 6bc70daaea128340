package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Machine;
import dev.cam.api.Screen;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Measures the transport's costs and prints them; the bounds only catch gross regressions. */
class TmuxLatencyIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  TmuxTransport transport;

  @BeforeEach
  void start() {
    transport = new TmuxTransport(TmuxSettings.at(tmux.socket()));
  }

  @AfterEach
  void stop() {
    transport.list(Machine.LOCAL).forEach(transport::kill);
    transport.close();
  }

  SessionRef agent(String name, String... steps) throws Exception {
    Path script = FakeAgent.script(dir, steps);
    return transport.create(
        new SessionSpec(
            name, null, dir.toString(), FakeAgent.command(script, null), null, 120, 40));
  }

  @Test
  void captureAndSendTextTakeMilliseconds() throws Exception {
    SessionRef session = agent("cam-lat", "ready");
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯"), WAIT);
    measureCaptureAndSend(session, "");
  }

  @Test
  void watchedSessionIsCapturedAndTypedIntoOverTheControlClient() throws Exception {
    SessionRef session = agent("cam-latw", "ready");
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯"), WAIT);
    Subscription watch = transport.watch(session, () -> {});
    try {
      measureCaptureAndSend(session, ", watched");
    } finally {
      watch.close();
    }
  }

  private void measureCaptureAndSend(SessionRef session, String label) {
    List<Long> capture = new ArrayList<>();
    List<Long> send = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long start = System.nanoTime();
      Screen screen = transport.capture(session, 0, false);
      capture.add(System.nanoTime() - start);
      assertTrue(screen.lines().size() == 40);
      start = System.nanoTime();
      transport.sendText(session, i % 2 == 0 ? "x" : "é");
      send.add(System.nanoTime() - start);
    }
    report("capture (40 lines)" + label, capture);
    report("sendText (1 char)" + label, send);
    assertTrue(percentile(capture, 50) < 500_000_000L);
  }

  @Test
  void outputReachesTheWatcherWithinMilliseconds() throws Exception {
    SessionRef session = agent("cam-tick", "ready", "ticks 40 150ms", "ready");
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯"), WAIT);
    List<Long> callbacks = new CopyOnWriteArrayList<>();
    Subscription watch = transport.watch(session, () -> callbacks.add(System.nanoTime()));
    try {
      transport.sendText(session, "go");
      transport.sendKeys(session, List.of("Enter"));
      Screen end =
          Await.value(
              () -> transport.capture(session, 60, false),
              s -> s.text().lines().filter(l -> l.startsWith("tick ")).count() == 40,
              WAIT);
      Await.until(() -> !callbacks.isEmpty(), WAIT);
      List<Long> latencies = new ArrayList<>();
      for (String line : end.lines()) {
        if (line.startsWith("tick ")) {
          long printed = Long.parseLong(line.substring(5).strip());
          callbacks.stream()
              .filter(t -> t >= printed)
              .findFirst()
              .ifPresent(t -> latencies.add(t - printed));
        }
      }
      report("output -> watch callback", latencies);
      assertTrue(percentile(latencies, 50) < 200_000_000L, "median over 200 ms");
    } finally {
      watch.close();
    }
  }

  static void report(String what, List<Long> nanos) {
    System.out.printf(
        "latency %s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        nanos.size(),
        percentile(nanos, 50) / 1e6,
        percentile(nanos, 99) / 1e6,
        percentile(nanos, 100) / 1e6);
  }

  static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
