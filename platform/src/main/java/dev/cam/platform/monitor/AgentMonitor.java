package dev.cam.platform.monitor;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.EventTypes;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Watches one agent's session and moves the agent through its life: delivers the prompt once the
 * tool is ready, answers prompts it may answer, notices waiting, failure, completion, timeouts and
 * a vanished session. Detection is layered: the adapter's screen rules first, then the probe when a
 * stable screen says neither busy nor idle, then output stability.
 *
 * <p>Threading: holds no thread. Work runs on the shared scheduler, one tick at a time per agent
 * (ticks synchronize on the monitor); activity reports from the transport are coalesced into one
 * capture. Lifecycle: {@link #start()} once; it ends by calling {@link Owner#ended} once, or by
 * {@link #halt()} without finalizing.
 */
public final class AgentMonitor {
  /** Receives the end of an attempt; the owner records it, cleans up and may retry. */
  public interface Owner {
    /** Called once, on a monitor thread, while the monitor is locked. */
    void ended(AgentMonitor monitor, AgentStatus status, String reason, Screen lastScreen);
  }

  private final AgentJournal journal;
  private final Transport transport;
  private final ToolAdapter adapter;
  private final SessionRef session;
  private final MonitorSettings settings;
  private final Owner owner;
  private final ScreenStability stability = new ScreenStability();
  private final PromptAnswers answers;
  private final Outputs outputs;
  private final TickSchedule schedule;
  private final Detector detector;
  private final boolean typePrompt;
  private final PromptDelivery delivery;
  private final PromptKeys keys;
  private final SessionContact contact;

  private Agent agent;
  private boolean promptDelivered;
  private boolean typing;
  private boolean worked;

  /** A question came up since the prompt was last submitted, before the tool was seen working. */
  private boolean questionSinceSubmit;

  private boolean done;
  private Screen lastScreen;
  private Instant lastActivity;

  private Instant lastProbeAt;
  private PendingProbe probe;

  /**
   * @param agent the agent, STARTING (prompt not delivered yet) or RUNNING/WAITING (adopted)
   * @param typePrompt whether the prompt must be typed once the tool is ready
   * @param signalFile the agent's structured signal file, or {@code null} when it has none
   */
  public AgentMonitor(
      Agent agent,
      boolean typePrompt,
      Path signalFile,
      SessionRef session,
      Transport transport,
      ToolAdapter adapter,
      AgentJournal journal,
      MonitorSettings settings,
      ScheduledExecutorService scheduler,
      Owner owner) {
    this.agent = agent;
    this.typePrompt = typePrompt && !agent.prompt().isEmpty();
    this.session = session;
    this.transport = transport;
    this.adapter = adapter;
    this.journal = journal;
    this.settings = settings;
    this.owner = owner;
    this.schedule = new TickSchedule(scheduler, settings, this::tickSafely);
    this.detector = new Detector(adapter, signalFile, this::error);
    this.answers = new PromptAnswers(settings.confirmCooldown(), transport, session, journal);
    this.outputs = new Outputs(settings.outputInterval(), settings.outputLines());
    boolean started =
        agent.status() == AgentStatus.RUNNING || agent.status() == AgentStatus.WAITING;
    this.promptDelivered = started;
    this.worked = started;
    this.delivery = new PromptDelivery(agent.prompt(), started || !this.typePrompt);
    this.contact = new SessionContact(transport, session, settings.lostContactLimit());
    this.keys = new PromptKeys(agent.id(), agent.prompt(), transport, session, adapter, journal);
  }

  public String agentId() {
    return agent.id();
  }

  public SessionRef session() {
    return session;
  }

  /** The agent as this monitor last recorded it. */
  public synchronized Agent agent() {
    return agent;
  }

  /** Whether the transport reports activity (no regular polling needed). */
  public synchronized boolean eventDriven() {
    return schedule.eventDriven();
  }

  /** Subscribes to activity, starts the (safety) poll and looks at the screen at once. */
  public synchronized void start() {
    lastActivity = now();
    schedule.start(transport, session, this::error);
    activity();
  }

  /** The session changed: capture soon, once for a burst of reports. */
  public void activity() {
    schedule.activity();
  }

  /** Input from a person counts as activity for the idle timeout. */
  public synchronized void touch() {
    lastActivity = now();
  }

  /** Stops watching without recording an end (stop, kill, shutdown, lease lost). */
  public synchronized void halt() {
    done = true;
    schedule.cancel();
  }

  public synchronized boolean finished() {
    return done;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      error("monitor tick failed: " + e);
    }
  }

  private synchronized void tick() {
    if (done) {
      return;
    }
    Instant now = now();
    schedule.looking(now);
    SessionContact.Look look = contact.capture(now);
    if (look.failure() != null) {
      end(AgentStatus.FAILED, look.failure(), lastScreen);
      return;
    }
    if (look.error() != null) {
      error(look.error());
      return;
    }
    Screen screen = look.screen();
    lastScreen = screen;
    if (stability.update(screen, now)) {
      lastActivity = now;
      outputs.changed();
    } else if (!contact.alive()) {
      // A pane whose program exited keeps its last screen; only a still screen needs the check.
      end(AgentStatus.FAILED, SessionContact.GONE, screen);
      return;
    }
    publishOutput(screen, now);
    if (timedOut(now)) {
      return;
    }
    if (probe != null) {
      checkProbe(screen, now);
    } else {
      react(detector.read(screen), screen, now);
    }
    if (!done) {
      scheduleWake(now);
    }
  }

  private void react(Detection d, Screen screen, Instant now) {
    if (d.failure() != null) {
      if (d.failure().status() == AgentStatus.FAILED) {
        end(AgentStatus.FAILED, d.failure().message(), screen);
      } else {
        toWaiting(d.failure().message());
      }
      return;
    }
    PromptMatch prompt = d.prompt();
    // An input box or a spinner below a question means it was answered already.
    if (prompt != null && !d.ready() && !d.busy() && ConfirmGate.atBottom(prompt, screen)) {
      onPrompt(prompt, screen, now);
      return;
    }
    answers.cleared();
    if (agent.status() == AgentStatus.WAITING) {
      agent = journal.status(agent, activeStatus(), "no longer waiting");
    }
    recordState(d);
    if (d.busy()) {
      tookPrompt();
    }
    if (!promptDelivered) {
      starting(d);
    } else if (d.completed()) {
      end(AgentStatus.COMPLETED, "the tool reported that it finished", screen);
    } else if (d.ready() && !d.busy()) {
      atPrompt(screen, now);
    } else if (!d.ready() && !d.busy()) {
      unclear(screen, now);
    }
  }

  /** Ready and still long enough: the prompt may need another Enter, or the work is done. */
  private void atPrompt(Screen screen, Instant now) {
    if (typing || !stability.stable(settings.idleStability(), now)) {
      return;
    }
    if (delivery.pending()) {
      redeliver(screen);
    }
    if (worked && !delivery.pending()) {
      end(AgentStatus.COMPLETED, "the tool is back at its prompt after working", screen);
    }
  }

  private void starting(Detection d) {
    if (typing || !(d.ready() || d.busy())) {
      return;
    }
    if (typePrompt && d.ready() && !d.busy()) {
      deliverPrompt();
    } else if (!typePrompt) {
      promptDelivered = true;
      worked |= d.busy();
      agent = journal.status(agent, AgentStatus.RUNNING, null);
    }
  }

  private void deliverPrompt() {
    typing = true;
    keys.type();
    Duration pause = max(settings.submitPause(), adapter.submitPause());
    schedule.once(this::submit, pause);
  }

  /** A prompt covered by a dialog meanwhile is left to the delivery check once the box is back. */
  private synchronized void submit() {
    if (done) {
      return;
    }
    boolean covered;
    try {
      covered = !keys.submit(delivery.retries());
    } catch (TransportException e) {
      error("could not submit the prompt: " + e.getMessage());
      return;
    }
    questionSinceSubmit = covered;
    typing = false;
    promptDelivered = true;
    lastActivity = now();
    if (agent.status() != AgentStatus.RUNNING) {
      agent = journal.status(agent, AgentStatus.RUNNING, null);
    }
    activity();
  }

  /** The tool works on the prompt (busy, or a probe swallowed): it was delivered. */
  private void tookPrompt() {
    worked |= promptDelivered;
    if (promptDelivered && !typing) {
      delivery.confirmed();
    }
  }

  /** The tool is ready and still, and was never seen working: did the prompt get through? */
  private void redeliver(Screen screen) {
    switch (delivery.next(screen, questionSinceSubmit)) {
      case ENTER -> {
        questionSinceSubmit = false;
        try {
          keys.enterAgain(delivery.retries());
        } catch (TransportException e) {
          error("could not submit the prompt again: " + e.getMessage());
        }
      }
      case RETYPE -> deliverPrompt();
      case GIVE_UP ->
          error(
              "the prompt did not reach the tool after "
                  + PromptDelivery.MAX_RETRIES
                  + " retries; look at the agent's screen");
      case NONE -> worked |= questionSinceSubmit;
    }
  }

  private void onPrompt(PromptMatch prompt, Screen screen, Instant now) {
    // A question before the tool took the prompt may be a late start-up dialog, not work.
    worked |= promptDelivered && !delivery.pending();
    questionSinceSubmit |= promptDelivered;
    if (!(agent.options().autoConfirm() && prompt.answerable())) {
      // A dialog still being drawn has no cursor yet: only a settled one waits for a person.
      if (stability.stable(settings.waitingSettle(), now)) {
        toWaiting(PromptAnswers.waitingReason(prompt));
      }
      return;
    }
    boolean settled =
        stability.stable(settings.promptSettle(), now) && answers.shownLongEnough(prompt, now);
    if (answers.answer(agent.id(), prompt, screen, now, settled)) {
      lastActivity = now;
    }
  }

  private void toWaiting(String reason) {
    agent = journal.state(agent, AgentState.WAITING_PERMISSION);
    if (agent.status() != AgentStatus.WAITING) {
      agent = journal.status(agent, AgentStatus.WAITING, reason);
    }
  }

  private void recordState(Detection d) {
    AgentState state = d.state();
    if (AgentState.UNKNOWN.equals(state) && d.ready() && !d.busy()) {
      state = AgentState.IDLE;
    }
    if (!AgentState.UNKNOWN.equals(state)) {
      agent = journal.state(agent, state);
    }
  }

  /** Neither busy nor ready: probe when the screen has been still long enough. */
  private void unclear(Screen screen, Instant now) {
    List<String> keys = adapter.probeKeys();
    boolean probeDue = lastProbeAt == null || !lastProbeAt.plus(settings.probeAfter()).isAfter(now);
    if (settings.probeEnabled() && !keys.isEmpty()) {
      if (stability.stable(settings.probeAfter(), now) && probeDue) {
        transport.sendKeys(session, keys);
        probe = PendingProbe.send(keys, screen, now);
      }
    } else if (stability.stable(settings.idleStability(), now)) {
      agent = journal.state(agent, AgentState.IDLE);
    }
  }

  private void checkProbe(Screen screen, Instant now) {
    boolean echoed = probe.echoedOn(screen);
    if (!echoed && now.isBefore(probe.sentAt().plus(settings.probeTimeout()))) {
      return;
    }
    transport.sendKeys(session, probe.eraseKeys());
    journal.event(agent.id(), EventTypes.PROBE, probe.outcome(echoed, now));
    probe = null;
    lastProbeAt = now;
    if (!echoed) {
      tookPrompt();
    } else if (!promptDelivered && typePrompt) {
      deliverPrompt();
    } else if (worked) {
      end(AgentStatus.COMPLETED, "the tool is idle at its prompt after working (probe)", screen);
    } else {
      agent = journal.state(agent, AgentState.IDLE);
    }
  }

  private boolean timedOut(Instant now) {
    String reason = Timeouts.exceeded(agent, lastActivity, now);
    if (reason != null) {
      end(AgentStatus.TIMEOUT, reason, lastScreen);
    }
    return reason != null;
  }

  private void publishOutput(Screen screen, Instant now) {
    List<String> lines = outputs.due(screen, now);
    if (lines != null) {
      journal.event(agent.id(), EventTypes.OUTPUT, Map.of("lines", lines));
    }
  }

  /** Wakes up for the next deadline a decision waits on, sooner than the next poll. */
  private void scheduleWake(Instant now) {
    schedule.wakeIn(
        Wakeups.earliest(
            Wakeups.earliest(
                Wakeups.next(settings, stability, agent, lastActivity, probe != null, outputs, now),
                answers.untilCool(now)),
            answers.untilDue(now)),
        now);
  }

  private void end(AgentStatus status, String reason, Screen screen) {
    done = true;
    schedule.cancel();
    owner.ended(this, status, reason, screen);
  }

  private AgentStatus activeStatus() {
    return promptDelivered ? AgentStatus.RUNNING : AgentStatus.STARTING;
  }

  private void error(String message) {
    journal.event(agent.id(), EventTypes.ERROR, Map.of("message", message));
  }

  private Instant now() {
    return journal.clock().instant();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
