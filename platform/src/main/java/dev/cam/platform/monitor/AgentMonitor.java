package dev.cam.platform.monitor;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.EventTypes;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.Subscription;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
  private final ScheduledExecutorService scheduler;
  private final Owner owner;
  private final ScreenStability stability = new ScreenStability();
  private final ConfirmGate gate;
  private final Outputs outputs;
  private final AtomicBoolean tickQueued = new AtomicBoolean();
  private volatile long lastCaptureNanos = System.nanoTime() - Duration.ofDays(1).toNanos();
  private final boolean typePrompt;

  private Agent agent;
  private boolean promptDelivered;
  private boolean typing;
  private boolean worked;
  private boolean done;
  private Screen lastScreen;
  private Instant lastActivity;
  private Instant lastProbeAt;
  private PendingProbe probe;
  private Subscription watch;
  private ScheduledFuture<?> poll;
  private ScheduledFuture<?> wake;
  private Instant wakeAt;

  /**
   * @param agent the agent, STARTING (prompt not delivered yet) or RUNNING/WAITING (adopted)
   * @param typePrompt whether the prompt must be typed once the tool is ready
   */
  public AgentMonitor(
      Agent agent,
      boolean typePrompt,
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
    this.scheduler = scheduler;
    this.owner = owner;
    this.gate = new ConfirmGate(settings.confirmCooldown());
    this.outputs = new Outputs(settings.outputInterval(), settings.outputLines());
    boolean started =
        agent.status() == AgentStatus.RUNNING || agent.status() == AgentStatus.WAITING;
    this.promptDelivered = started;
    this.worked = started;
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
    return watch != null;
  }

  /** Subscribes to activity, starts the (safety) poll and looks at the screen at once. */
  public synchronized void start() {
    lastActivity = now();
    try {
      watch = transport.watch(session, this::activity);
    } catch (TransportException e) {
      error("activity watch unavailable, polling instead: " + e.getMessage());
    }
    long every = (watch == null ? settings.pollInterval() : settings.safetyPoll()).toMillis();
    poll = scheduler.scheduleWithFixedDelay(this::tickSafely, every, every, TimeUnit.MILLISECONDS);
    activity();
  }

  /** The session changed: capture soon, once for a burst of reports. */
  public void activity() {
    if (tickQueued.compareAndSet(false, true)) {
      long gap = lastCaptureNanos + settings.minCaptureGap().toNanos() - System.nanoTime();
      long delay = Math.max(settings.activityDelay().toNanos(), gap);
      try {
        scheduler.schedule(this::tickSafely, delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException stopping) {
        tickQueued.set(false);
      }
    }
  }

  /** Input from a person counts as activity for the idle timeout. */
  public synchronized void touch() {
    lastActivity = now();
  }

  /** Stops watching without recording an end (stop, kill, shutdown, lease lost). */
  public synchronized void halt() {
    done = true;
    cancelTimers();
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
    tickQueued.set(false);
    if (done) {
      return;
    }
    Instant now = now();
    if (wakeAt != null && !wakeAt.isAfter(now)) {
      wakeAt = null; // this may be that wake-up: the next one must still be scheduled
    }
    Screen screen = capture();
    if (screen == null) {
      return;
    }
    lastScreen = screen;
    if (stability.update(screen, now)) {
      lastActivity = now;
      outputs.changed();
    } else if (!aliveQuietly()) {
      // A pane whose program exited keeps its last screen; only a still screen needs the check.
      end(AgentStatus.FAILED, "the session ended: the tool exited or was killed", screen);
      return;
    }
    publishOutput(screen, now);
    if (timedOut(now)) {
      return;
    }
    if (probe != null) {
      checkProbe(screen, now);
    } else {
      react(read(screen), screen, now);
    }
    if (!done) {
      scheduleWake(now);
    }
  }

  private Screen capture() {
    lastCaptureNanos = System.nanoTime();
    try {
      return transport.capture(session, 0, false);
    } catch (TransportException e) {
      if (aliveQuietly()) {
        error("capture failed: " + e.getMessage());
        return null;
      }
      end(AgentStatus.FAILED, "the session ended: the tool exited or was killed", lastScreen);
      return null;
    }
  }

  private boolean aliveQuietly() {
    try {
      return transport.isAlive(session);
    } catch (TransportException e) {
      return true;
    }
  }

  private Detection read(Screen screen) {
    try {
      return adapter.read(screen);
    } catch (RuntimeException e) {
      error("tool adapter '" + adapter.id() + "' could not read the screen: " + e);
      return Detection.NOTHING;
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
    gate.cleared();
    if (agent.status() == AgentStatus.WAITING) {
      agent = journal.status(agent, activeStatus(), "no longer waiting");
    }
    recordState(d);
    if (d.busy()) {
      worked |= promptDelivered;
    }
    if (!promptDelivered) {
      starting(d);
    } else if (d.completed()) {
      end(AgentStatus.COMPLETED, "the tool reported that it finished", screen);
    } else if (d.ready()
        && !d.busy()
        && worked
        && stability.stable(settings.idleStability(), now)) {
      end(AgentStatus.COMPLETED, "the tool is back at its prompt after working", screen);
    } else if (!d.ready() && !d.busy()) {
      unclear(screen, now);
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
    transport.sendText(session, agent.prompt());
    Duration pause = max(settings.submitPause(), adapter.submitPause());
    scheduler.schedule(this::submit, pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void submit() {
    if (done) {
      return;
    }
    journal.event(
        agent.id(), EventTypes.INPUT, Map.of("text", agent.prompt(), "enter", true, "by", "cam"));
    try {
      transport.sendKeys(session, List.of("Enter"));
    } catch (TransportException e) {
      error("could not submit the prompt: " + e.getMessage());
      return;
    }
    typing = false;
    promptDelivered = true;
    lastActivity = now();
    agent = journal.status(agent, AgentStatus.RUNNING, null);
    activity();
  }

  private void onPrompt(PromptMatch prompt, Screen screen, Instant now) {
    worked |= promptDelivered;
    if (!(agent.options().autoConfirm() && prompt.answerable())) {
      toWaiting("waiting for an answer to a " + prompt.kind() + " prompt: " + firstLine(prompt));
      return;
    }
    if (!stability.stable(settings.promptSettle(), now) || gate.coolingDown(prompt, screen, now)) {
      return;
    }
    transport.sendKeys(session, prompt.answer());
    gate.answered(prompt, screen, now);
    lastActivity = now;
    journal.event(
        agent.id(),
        EventTypes.AUTO_CONFIRM,
        Map.of("kind", prompt.kind(), "text", prompt.text(), "keys", prompt.answer()));
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
    Map<String, Object> detail = new HashMap<>();
    detail.put("keys", probe.keys());
    detail.put("result", echoed ? "idle" : "busy");
    detail.put("waited_ms", Duration.between(probe.sentAt(), now).toMillis());
    journal.event(agent.id(), EventTypes.PROBE, detail);
    probe = null;
    lastProbeAt = now;
    if (!echoed) {
      worked |= promptDelivered;
    } else if (!promptDelivered && typePrompt) {
      deliverPrompt();
    } else if (worked) {
      end(AgentStatus.COMPLETED, "the tool is idle at its prompt after working (probe)", screen);
    } else {
      agent = journal.state(agent, AgentState.IDLE);
    }
  }

  private boolean timedOut(Instant now) {
    Duration total = agent.options().timeout();
    if (total != null
        && agent.startedAt() != null
        && !now.isBefore(agent.startedAt().plus(total))) {
      end(AgentStatus.TIMEOUT, "ran longer than its timeout of " + total, lastScreen);
      return true;
    }
    Duration idle = agent.options().idleTimeout();
    if (idle != null && !now.isBefore(lastActivity.plus(idle))) {
      end(AgentStatus.TIMEOUT, "no output or input for " + idle + " (idle timeout)", lastScreen);
      return true;
    }
    return false;
  }

  private void publishOutput(Screen screen, Instant now) {
    List<String> lines = outputs.due(screen, now);
    if (lines != null) {
      journal.event(agent.id(), EventTypes.OUTPUT, Map.of("lines", lines));
    }
  }

  /** Wakes up for the next deadline a decision waits on, sooner than the next poll. */
  private void scheduleWake(Instant now) {
    Duration next =
        Wakeups.earliest(
            Wakeups.next(settings, stability, agent, lastActivity, probe != null, outputs, now),
            gate.untilCool(now));
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
    wake =
        scheduler.schedule(this::tickSafely, Math.max(1, next.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void end(AgentStatus status, String reason, Screen screen) {
    done = true;
    cancelTimers();
    owner.ended(this, status, reason, screen);
  }

  private void cancelTimers() {
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

  private static String firstLine(PromptMatch prompt) {
    String text = prompt.text().strip();
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
