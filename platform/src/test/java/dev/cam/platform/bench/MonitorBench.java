package dev.cam.platform.bench;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.platform.agent.AgentManager;
import dev.cam.platform.agent.support.FakeTool;
import dev.cam.platform.agent.support.Rig;
import dev.cam.platform.monitor.MonitorSettings;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.Journal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the monitor against a plain 2-second {@code capture-pane} loop in the same run: CPU for
 * idle and for busy fake agents, and the time from a permission prompt appearing to its answer.
 * Arguments: seconds per CPU measurement (60; 0 measures latency only), idle agents (100), busy
 * agents (20).
 */
public final class MonitorBench {
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final FakeTool TOOL = new FakeTool();

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int idle = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int busy = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    System.out.printf(
        "monitor bench: %d s per measurement, %d cores%n",
        seconds, Runtime.getRuntime().availableProcessors());
    if (seconds > 0) {
      cpu("idle", idle, "ready\nready", seconds);
      cpu("busy", busy, "ready\nbusy 100000s", seconds);
    }
    latency(busy, 10);
  }

  private static void cpu(String label, int count, String script, int seconds) throws Exception {
    Path dir = Files.createTempDirectory("cam-bench");
    try (Rig rig = new Rig(dir, true)) {
      AgentManager manager = rig.manager("bench", MonitorSettings.DEFAULTS);
      List<Agent> agents = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        agents.add(manager.run(rig.request(script, null)));
      }
      for (Agent a : agents) {
        rig.await(a.id(), AgentStatus.RUNNING, Duration.ofSeconds(120));
      }
      pause(Duration.ofSeconds(3));
      CpuMeter meter = new CpuMeter(serverPid(rig));
      String monitored = measure(meter, seconds, () -> pause(Duration.ofSeconds(seconds)));
      manager.close(); // the sessions stay; now the plain loop watches them
      List<SessionRef> sessions = sessions(agents);
      String polled = measure(meter, seconds, () -> pollLoop(rig, sessions, seconds, false));
      System.out.printf("%d %s agents, monitor:      %s%n", count, label, monitored);
      System.out.printf("%d %s agents, 2 s polling:  %s%n", count, label, polled);
    }
  }

  private static void latency(int count, int asks) throws Exception {
    Path dir = Files.createTempDirectory("cam-bench");
    try (Rig rig = new Rig(dir, true)) {
      AgentManager manager = rig.manager("bench", MonitorSettings.DEFAULTS);
      String script = rig.script(asks(asks));
      List<Agent> agents = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, String> env =
            Map.of(FakeTool.SCRIPT, script, FakeTool.JOURNAL, dir + "/cam-" + i);
        agents.add(manager.run(rig.request(env, null)));
      }
      for (Agent a : agents) {
        rig.await(a.id(), AgentStatus.COMPLETED, Duration.ofSeconds(300));
      }
      report("monitor", dir, "cam-");
      List<SessionRef> sessions = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        List<String> command = FakeAgent.command(Path.of(script), Path.of(dir + "/poll-" + i));
        sessions.add(
            rig.tmux.create(
                new dev.cam.api.SessionSpec(
                    "poll-" + i, null, dir.toString(), command, Map.of(), 200, 50)));
      }
      pollLoop(rig, sessions, 60 + asks * 5, true);
      report("2 s polling", dir, "poll-");
    }
  }

  /**
   * The baseline: a {@code tmux capture-pane} process per session every 2 s; types the task into
   * ready sessions and answers prompts when {@code answer} is set.
   */
  private static void pollLoop(Rig rig, List<SessionRef> sessions, int seconds, boolean answer) {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    java.util.Set<SessionRef> prompted = new java.util.HashSet<>();
    while (System.nanoTime() < end) {
      long next = System.nanoTime() + POLL.toNanos();
      int finished = 0;
      for (SessionRef s : sessions) {
        Screen screen = rig.tmux.capture(s, 0, false);
        Detection d = TOOL.read(screen);
        if (answer && d.prompt() != null && !d.ready() && !d.busy()) {
          rig.tmux.sendKeys(s, d.prompt().answer());
        } else if (answer && d.ready() && prompted.add(s)) {
          rig.tmux.sendText(s, "do the task");
          pause(Duration.ofMillis(100));
          rig.tmux.sendKeys(s, List.of("Enter"));
        }
        finished += d.completed() ? 1 : 0;
      }
      if (answer && finished == sessions.size()) {
        return;
      }
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  private static String measure(CpuMeter meter, int seconds, Runnable work) throws IOException {
    long[] before = meter.sample();
    long t0 = System.nanoTime();
    work.run();
    long[] after = meter.sample();
    return CpuMeter.percent(before, after, System.nanoTime() - t0);
  }

  private static void report(String label, Path dir, String prefix) throws IOException {
    List<Long> millis = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        for (Journal.Entry entry : Journal.read(f)) {
          if (entry.event().equals("timed-permission")) {
            String[] t = entry.text().split(" ");
            millis.add((Long.parseLong(t[1]) - Long.parseLong(t[0])) / 1000);
          }
        }
      }
    }
    Collections.sort(millis);
    System.out.printf(
        "prompt to answer, %s: n=%d p50 %d ms, p99 %d ms, max %d ms%n",
        label, millis.size(), pct(millis, 50), pct(millis, 99), millis.get(millis.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static List<SessionRef> sessions(List<Agent> agents) {
    return agents.stream()
        .map(a -> new SessionRef(a.transport(), a.machine(), a.session()))
        .toList();
  }

  private static long serverPid(Rig rig) {
    return Long.parseLong(rig.fixture.tmux("display-message", "-p", "#{pid}").strip());
  }

  /** Waits for the task, then asks {@code n} timed permissions with 400 ms of work before each. */
  private static String asks(int n) {
    StringBuilder script = new StringBuilder("ready\n");
    for (int i = 1; i <= n; i++) {
      script.append("busy 400ms\ntimed-permission Run step ").append(i).append('\n');
    }
    return script.append("done").toString();
  }

  private static void pause(Duration d) {
    LockSupport.parkNanos(d.toNanos());
  }

  private MonitorBench() {}
}
