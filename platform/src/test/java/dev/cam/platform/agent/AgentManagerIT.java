package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.SessionRef;
import dev.cam.platform.agent.support.FakeTool;
import dev.cam.platform.agent.support.Rig;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fake agent in real tmux with a real store, watched by monitors that poll; {@link
 * EventDrivenAgentManagerIT} repeats every scenario with activity reported by tmux control mode.
 */
class AgentManagerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * Holds the fake agent's late dialog unanswered past the prompt's submit pause (the fake tool
   * reads "settle Nms" as the dialog's settle time), so the Enter meets the dialog.
   */
  private static final String LATE = "(trust dialog, settle 800ms)";

  @TempDir Path dir;
  private Rig rig;
  private AgentManager manager;

  @BeforeEach
  void start() {
    rig = new Rig(dir, eventDriven());
    manager = rig.manager("one");
  }

  /** Whether sessions report activity (tmux control mode) instead of being polled. */
  boolean eventDriven() {
    return false;
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void promptIsTypedPermissionAnsweredFileWrittenAndAgentCompletes() throws Exception {
    Path out = dir.resolve("out.txt");
    Agent agent =
        manager.run(
            rig.request(
                task(
                    "busy 500ms",
                    "permission Write out.txt",
                    "write out.txt hello",
                    "busy 300ms",
                    "done"),
                null));

    Agent done = rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertTrue(Files.exists(out), "the fake agent wrote its file after the answer");
    List<AgentEvent> events = rig.events(agent.id());
    assertInOrder(
        events,
        "agent_created",
        "status_change:starting",
        "input",
        "status_change:running",
        "auto_confirm",
        "finalize",
        "status_change:completed");
    AgentEvent confirm = first(events, "auto_confirm");
    assertEquals("permission", confirm.detail().get("kind"));
    assertEquals(List.of("1"), confirm.detail().get("keys"));
    assertTrue(confirm.detail().get("text").toString().contains("1. Yes"));
    assertEquals("do the task", first(events, "input").detail().get("text"));
    assertTrue(rig.tmux.isAlive(session(done)), "a completed agent's session is kept to attach");
    assertEquals(AgentStatus.COMPLETED, manager.kill(done.id()).status());
    assertFalse(rig.tmux.isAlive(session(done)), "killing a completed agent ends its session");
    assertEquals(1, events.stream().filter(e -> e.type().equals("auto_confirm")).count());
  }

  @Test
  void aPromptWithASettleTimeIsAnsweredOnceItHasBeenShownThatLong() throws Exception {
    Path journal = dir.resolve("journal");
    Agent agent = runJournalled(task("timed-permission Deploy (settle 700ms)", "done"), journal);

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    String[] times =
        Journal.read(journal).stream()
            .filter(e -> e.event().equals("timed-permission"))
            .findFirst()
            .orElseThrow()
            .text()
            .split(" ");
    long waitedMillis = (Long.parseLong(times[1]) - Long.parseLong(times[0])) / 1000;
    assertTrue(waitedMillis >= 700, "answered " + waitedMillis + " ms after it was shown");
    assertTrue(waitedMillis < 3000, "answered " + waitedMillis + " ms after it was shown");
    assertEquals(1, rig.types(agent.id()).stream().filter("auto_confirm"::equals).count());
  }

  @Test
  void startUpTrustDialogIsAnsweredBeforeThePromptIsTyped() {
    Agent agent = manager.run(rig.request("trust\n" + task("busy 300ms", "done"), null));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    List<AgentEvent> events = rig.events(agent.id());
    assertInOrder(events, "auto_confirm", "input", "status_change:running", "finalize");
    assertEquals("trust", first(events, "auto_confirm").detail().get("kind"));
  }

  @Test
  void aDialogCoveringTheTypedPromptDoesNotLeaveItUnsent() {
    Path journal = dir.resolve("journal");
    Agent agent = runJournalled("ready-then-trust keep " + LATE + "\nbusy 300ms\ndone", journal);

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertEquals(List.of("trust yes", "prompt do the task"), journalled(journal));
    List<AgentEvent> events = rig.events(agent.id());
    assertEquals(false, first(events, "input").detail().get("enter"), "no Enter for the dialog");
    AgentEvent again = first(events, "input:retry");
    assertEquals(List.of("Enter"), again.detail().get("keys"));
    assertEquals(1, again.detail().get("retry"));
  }

  @Test
  void aPromptSwallowedByADialogIsTypedAgain() {
    Path journal = dir.resolve("journal");
    Agent agent = runJournalled("ready-then-trust lose " + LATE + "\nbusy 300ms\ndone", journal);

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertEquals(List.of("trust yes", "prompt do the task"), journalled(journal));
    List<AgentEvent> typed =
        rig.events(agent.id()).stream()
            .filter(e -> e.type().equals("input") && e.detail().containsKey("text"))
            .toList();
    assertEquals(2, typed.size(), typed.toString());
    assertEquals(false, typed.get(0).detail().get("enter"), "no Enter for the covering dialog");
    assertEquals(1, typed.get(1).detail().get("retry"));
    assertEquals(true, typed.get(1).detail().get("enter"));
  }

  @Test
  void aDialogDrawnInTwoStepsIsAnsweredWithoutReportingWaiting() {
    Agent agent =
        manager.run(
            rig.request(
                task(
                    "busy 300ms",
                    "slow-permission 250ms Write out.txt",
                    "write out.txt hi",
                    "done"),
                null));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    List<AgentEvent> events = rig.events(agent.id());
    assertTrue(
        events.stream().noneMatch(e -> label(e).equals("status_change:waiting")),
        "a dialog without its cursor yet is not a question for a person: " + events);
    assertEquals(1, rig.types(agent.id()).stream().filter("auto_confirm"::equals).count());
  }

  @Test
  void anAnswerTheToolIgnoresIsGivenOnceMore() {
    Path out = dir.resolve("out.txt");
    Agent agent =
        manager.run(
            rig.request(
                task("busy 300ms", "deaf-permission 1 Write out.txt", "write out.txt hi", "done"),
                null));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertTrue(Files.exists(out), "the second answer was taken");
    assertEquals(2, rig.types(agent.id()).stream().filter("auto_confirm"::equals).count());
  }

  @Test
  void aQuestionThatIgnoresEveryAnswerIsAnsweredTwiceThenLeftAlone() throws Exception {
    Agent agent =
        manager.run(rig.request(task("busy 300ms", "deaf-permission 99 Write out.txt"), null));
    Await.until(
        () -> rig.types(agent.id()).stream().filter("auto_confirm"::equals).count() == 2,
        WAIT,
        "two answers");

    Thread.sleep(3000); // longer than the cooldown: that no third answer comes can only be waited
    assertEquals(2, rig.types(agent.id()).stream().filter("auto_confirm"::equals).count());
    assertEquals(AgentStatus.RUNNING, rig.find(agent.id()).status());
  }

  @Test
  void withoutAutoConfirmAgentWaitsThenContinuesWhenAnsweredByKeys() {
    Path out = dir.resolve("out.txt");
    AgentOptions manual = new AgentOptions(null, null, 0, false, Map.of());
    Agent agent =
        manager.run(
            rig.request(
                task(
                    "busy 300ms",
                    "permission Write out.txt",
                    "write out.txt hello",
                    "busy 300ms",
                    "done"),
                manual));

    Agent waiting = rig.await(agent.id(), AgentStatus.WAITING, WAIT);
    assertTrue(waiting.exitReason().contains("permission prompt"), waiting.exitReason());
    assertFalse(Files.exists(out));
    manager.keys(agent.id().substring(0, 6), List.of("1"));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);
    assertTrue(Files.exists(out));
    assertInOrder(
        rig.events(agent.id()),
        "status_change:waiting",
        "input",
        "status_change:running",
        "status_change:completed");
    assertTrue(rig.types(agent.id()).stream().noneMatch("auto_confirm"::equals));
  }

  @Test
  void numberedListInOutputIsNeverAnswered() {
    Agent agent =
        manager.run(
            rig.request(
                task("busy 300ms", "list", "lines 6 detail", "sleep 800ms", "busy 300ms", "done"),
                null));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertTrue(rig.types(agent.id()).stream().noneMatch("auto_confirm"::equals));
  }

  @Test
  void crashFailsTheAgentWithItsLastScreen() {
    Agent agent = manager.run(rig.request(task("busy 300ms", "crash 3"), null));

    Agent failed = rig.await(agent.id(), AgentStatus.FAILED, WAIT);

    assertTrue(failed.exitReason().contains("session ended"), failed.exitReason());
    AgentEvent finalize = first(rig.events(agent.id()), "finalize");
    assertTrue(
        finalize.detail().get("screen").toString().contains("the fake agent crashed"),
        finalize.toString());
  }

  @Test
  void sessionKilledFromOutsideFailsTheAgent() {
    Agent agent = manager.run(rig.request(task("busy 30s"), null));
    Agent running = rig.await(agent.id(), AgentStatus.RUNNING, WAIT);

    rig.tmux.kill(session(running));

    Agent failed = rig.await(agent.id(), AgentStatus.FAILED, WAIT);
    assertTrue(failed.exitReason().contains("session ended"), failed.exitReason());
  }

  @Test
  void loginScreenFailsWithTheAdaptersReasonAndHint() {
    Agent agent = manager.run(rig.request("login\nsleep 60s", null));

    Agent failed = rig.await(agent.id(), AgentStatus.FAILED, WAIT);

    assertEquals("the fake agent is not logged in: run it once and log in", failed.exitReason());
  }

  @Test
  void silentAgentTimesOutAfterItsIdleTimeout() {
    AgentOptions idle = new AgentOptions(null, Duration.ofSeconds(1), 0, true, Map.of());
    Agent agent = manager.run(rig.request(task("busy 200ms", "sleep 60s"), idle));

    Agent timedOut = rig.await(agent.id(), AgentStatus.TIMEOUT, WAIT);

    assertTrue(timedOut.exitReason().contains("idle timeout"), timedOut.exitReason());
  }

  @Test
  void busyAgentTimesOutAfterItsTotalTimeout() {
    AgentOptions total = new AgentOptions(Duration.ofSeconds(2), null, 0, true, Map.of());
    Agent agent = manager.run(rig.request(task("busy 30s"), total));

    Agent timedOut = rig.await(agent.id(), AgentStatus.TIMEOUT, WAIT);

    assertTrue(timedOut.exitReason().contains("timeout"), timedOut.exitReason());
    assertFalse(rig.tmux.isAlive(session(timedOut)));
  }

  @Test
  void crashedAttemptIsRetriedAfterBackoffAndSecondAttemptCompletes() {
    AgentOptions retry = new AgentOptions(null, null, 1, true, Map.of());
    Map<String, String> scripts =
        Map.of(
            FakeTool.SCRIPT, rig.script(task("busy 300ms", "crash 3")),
            FakeTool.RETRY_SCRIPT, rig.script(task("busy 300ms", "done")));
    Agent agent = manager.run(rig.request(scripts, retry));

    Agent done = rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertEquals(2, done.attempt());
    List<AgentEvent> events = rig.events(agent.id());
    assertInOrder(
        events,
        "finalize",
        "status_change:retrying",
        "status_change:pending",
        "status_change:starting",
        "status_change:completed");
    AgentEvent retrying = first(events, "status_change:retrying");
    AgentEvent pending = first(events, "status_change:pending");
    long waited = Duration.between(retrying.timestamp(), pending.timestamp()).toMillis();
    assertTrue(waited >= 250, "backoff of 300 ms was kept, waited " + waited);
  }

  @Test
  void stopEndsTheToolGracefullyAndKillEndsItAtOnce() {
    Agent first = manager.run(rig.request(task("busy 30s"), null));
    Agent second = manager.run(rig.request(task("busy 30s"), null));
    rig.await(first.id(), AgentStatus.RUNNING, WAIT);
    rig.await(second.id(), AgentStatus.RUNNING, WAIT);

    Agent stopped = manager.stop(first.id());
    Agent killed = manager.kill(second.id());

    assertEquals(AgentStatus.KILLED, stopped.status());
    assertEquals("stopped on request", stopped.exitReason());
    assertEquals(AgentStatus.KILLED, killed.status());
    assertEquals("killed on request", killed.exitReason());
    assertFalse(rig.tmux.isAlive(session(stopped)));
    assertFalse(rig.tmux.isAlive(session(killed)));
    assertEquals(rig.find(first.id()), manager.stop(first.id()), "stopping twice is harmless");
  }

  @Test
  void onlyOneOfTwoManagersWatchesAnAgentAndTheOtherAdoptsItAfterARestart() {
    Agent agent = manager.run(rig.request(task("busy 2500ms", "done"), null));
    rig.await(agent.id(), AgentStatus.RUNNING, WAIT);
    AgentManager other = rig.manager("two");

    assertEquals(List.of(), other.adopt(), "the lease is held by the first manager");
    assertEquals("one", rig.leaseOwner(agent.id()));
    manager.close();
    assertTrue(rig.tmux.isAlive(session(agent)), "the agent outlives its manager");

    List<Agent> adopted = other.adopt();

    assertEquals(List.of(agent.id()), adopted.stream().map(Agent::id).toList());
    assertEquals("two", rig.leaseOwner(agent.id()));
    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);
    Await.until(
        () -> rig.leaseOwner(agent.id()) == null,
        Duration.ofSeconds(2),
        "the lease is released at the end");
  }

  @Test
  void adoptingAnAgentWhoseSessionDiedFinalizesIt() {
    Agent agent = manager.run(rig.request(task("busy 30s"), null));
    Agent running = rig.await(agent.id(), AgentStatus.RUNNING, WAIT);
    manager.close();
    rig.tmux.kill(session(running));

    List<Agent> adopted = rig.manager("two").adopt();

    assertEquals(AgentStatus.FAILED, adopted.get(0).status());
    assertEquals("session ended while no CAM process was watching", adopted.get(0).exitReason());
  }

  @Test
  void probeTellsABusyScreenFromAnIdleOneWhenRulesCannot() {
    Agent agent = manager.run(rig.request(task("sleep 2500ms", "ready"), null));

    rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    List<AgentEvent> probes =
        rig.events(agent.id()).stream().filter(e -> e.type().equals("probe")).toList();
    assertFalse(probes.isEmpty(), "the quiet screen was probed");
    assertEquals("busy", probes.get(0).detail().get("result"));
  }

  @Test
  void textTypedIntoARunningAgentShowsOnItsScreen() {
    Agent agent = manager.run(rig.request(task("ready"), null));
    rig.await(agent.id(), AgentStatus.RUNNING, WAIT);
    String text = "it's $HOME `x` \"quoted\" ❯";

    manager.send(agent.id(), text, false);

    Await.value(() -> manager.output(agent.id(), 10).text(), t -> t.contains("❯ " + text), WAIT);
    AgentEvent input =
        rig.events(agent.id()).stream()
            .filter(e -> e.type().equals("input") && "user".equals(e.detail().get("by")))
            .findFirst()
            .orElseThrow();
    assertEquals(text, input.detail().get("text"));
    assertEquals(AgentStatus.RUNNING, rig.find(agent.id()).status(), "idle, never worked");
  }

  @Test
  void signalFromTheToolCompletesTheAgentBeforeItsScreenSaysSo() {
    Agent agent =
        manager.run(
            rig.request(task("busy 300ms", "signal {\"event\":\"stop\"}", "sleep 60s"), null));

    Agent done = rig.await(agent.id(), AgentStatus.COMPLETED, WAIT);

    assertEquals("the tool reported that it finished", done.exitReason());
    assertTrue(
        Files.exists(dir.resolve("signals").resolve(agent.id() + ".jsonl")),
        "the session's CAM_SIGNAL_FILE is the agent's signal file");
  }

  @Test
  void closingTheManagerLeavesNoMonitorThreads() {
    Agent agent = manager.run(rig.request(task("busy 30s"), null));
    rig.await(agent.id(), AgentStatus.RUNNING, WAIT);

    manager.close();

    Await.until(
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("cam-monitor-") && t.isAlive()),
        Duration.ofSeconds(5),
        "monitor threads to end");
  }

  /** A script that waits at its input box for the task, then runs these steps. */
  static String task(String... steps) {
    return "ready\n" + String.join("\n", steps);
  }

  private static SessionRef session(Agent agent) {
    return new SessionRef(agent.transport(), agent.machine(), agent.session());
  }

  private static String label(AgentEvent event) {
    if (event.type().equals("input") && event.detail().containsKey("retry")) {
      return "input:retry";
    }
    return event.type().equals("status_change")
        ? "status_change:" + event.detail().get("to")
        : event.type();
  }

  /** The fake agent's journal of answers and prompts, as "event text". */
  /** Runs the fake agent on this script, recording what it received in {@code journal}. */
  private Agent runJournalled(String script, Path journal) {
    return manager.run(
        rig.request(
            Map.of(FakeTool.SCRIPT, rig.script(script), FakeTool.JOURNAL, journal.toString()),
            null));
  }

  private static List<String> journalled(Path journal) {
    return Journal.read(journal).stream()
        .filter(e -> e.event().equals("trust") || e.event().equals("prompt"))
        .map(e -> e.event() + " " + e.text())
        .toList();
  }

  private static AgentEvent first(List<AgentEvent> events, String label) {
    return events.stream()
        .filter(e -> label(e).equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + label + " in " + events));
  }

  /** The labels occur in this order (others may come between), with increasing seqs. */
  private static void assertInOrder(List<AgentEvent> events, String... labels) {
    List<String> seen = new ArrayList<>();
    long lastSeq = 0;
    int next = 0;
    for (AgentEvent event : events) {
      assertTrue(event.seq() > lastSeq, "seqs increase: " + events);
      lastSeq = event.seq();
      seen.add(label(event));
      if (next < labels.length && label(event).equals(labels[next])) {
        next++;
      }
    }
    assertEquals(labels.length, next, "expected in order " + List.of(labels) + " in " + events);
  }
}
