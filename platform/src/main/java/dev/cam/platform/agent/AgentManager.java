package dev.cam.platform.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Agents;
import dev.cam.api.CamException;
import dev.cam.api.Context;
import dev.cam.api.Contexts;
import dev.cam.api.EventTypes;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchPlan;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Machine;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import dev.cam.platform.monitor.AgentJournal;
import dev.cam.platform.monitor.AgentMonitor;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs agents and keeps one {@link AgentMonitor} per agent it holds the lease of. Ends of attempts
 * come back here: the session is killed, the last screen recorded, and a failed attempt is retried
 * after its backoff while retries are left.
 *
 * <p>Threading: safe from any thread; monitors share one small scheduler. Lifecycle: {@link
 * #close()} stops every monitor and gives up every lease, leaving the sessions running for the next
 * CAM process to {@link #adopt()}.
 */
public final class AgentManager implements AgentControl, AutoCloseable {
  /** The placeholder id of a planned agent ({@link #plan}): never recorded. */
  static final String PLAN_ID = "0".repeat(24);

  private final AgentJournal journal;
  private final Contexts contexts;
  private final Leases leases;
  private final Catalog catalog;
  private final ManagerSettings settings;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Map<String, AgentMonitor> monitors = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> retries = new ConcurrentHashMap<>();
  private final LeaseKeeper keeper;
  private final SessionStarter starter;
  private final AgentInput input;
  private final SecureRandom random = new SecureRandom();

  public AgentManager(
      AgentJournal journal,
      Contexts contexts,
      Leases leases,
      Catalog catalog,
      ManagerSettings settings) {
    this.journal = journal;
    this.contexts = contexts;
    this.leases = leases;
    this.catalog = catalog;
    this.settings = settings;
    this.scheduler = MonitorThreads.scheduler(settings.threads());
    this.keeper = new LeaseKeeper(leases, settings.owner(), settings.leaseTtl(), this::leaseLost);
    keeper.start(scheduler);
    this.starter = new SessionStarter(journal, settings, scheduler, this::ended);
    this.input = new AgentInput(journal, catalog, settings.monitor().submitPause(), this::touched);
  }

  @Override
  public Agent run(RunRequest request) {
    ToolAdapter adapter = catalog.tool(request.tool());
    Agent agent = draft(newId(), request, adapter);
    journal.save(agent);
    journal.event(
        agent.id(),
        EventTypes.AGENT_CREATED,
        Map.of(
            "tool",
            agent.tool(),
            "cwd",
            agent.cwd(),
            "machine",
            agent.machine().label(),
            "prompt",
            agent.prompt()));
    if (!keeper.acquire(agent.id())) {
      throw new IllegalStateException("a new agent's lease is taken: " + agent.id());
    }
    return launch(agent, adapter, catalog.transportOf(agent));
  }

  @Override
  public LaunchPlan plan(RunRequest request) {
    ToolAdapter adapter = catalog.tool(request.tool());
    Agent agent = draft(PLAN_ID, request, adapter);
    LaunchSpec spec = launchSpec(agent, adapter);
    return new LaunchPlan(
        agent,
        new LaunchSpec(
            spec.command(), starter.environment(agent, spec), spec.promptOnCommandLine()));
  }

  /** The agent {@code request} asks for, checked, as it would be recorded with this id. */
  private Agent draft(String id, RunRequest request, ToolAdapter adapter) {
    settings.runDefaults().check(adapter.id());
    Machine machine = request.machine();
    String cwd = request.cwd();
    if (request.context() != null) {
      Context context = contexts.get(request.context());
      machine = context.machine();
      cwd = context.path();
    }
    Transport transport = catalog.transportFor(machine);
    return new Agent(
        id,
        request.name(),
        adapter.id(),
        request.context(),
        machine,
        cwd,
        request.prompt(),
        AgentStatus.PENDING,
        AgentState.INITIALIZING,
        transport.id(),
        null,
        journal.clock().instant(),
        null,
        null,
        null,
        1,
        settings.runDefaults().apply(adapter.id(), request.options()));
  }

  /** The adapter's launch of the agent with the tool's {@code [tools.<id>]} section applied. */
  private LaunchSpec launchSpec(Agent agent, ToolAdapter adapter) {
    return settings.runDefaults().launch(agent.tool(), adapter.launch(new LaunchRequest(agent)));
  }

  private Agent launch(Agent agent, ToolAdapter adapter, Transport transport) {
    try {
      LaunchSpec spec = launchSpec(agent, adapter);
      SessionRef ref = starter.create(agent, spec, transport);
      Agent started = agent.withSession(transport.id(), ref.name(), journal.clock().instant());
      started = journal.status(started, AgentStatus.STARTING, null);
      return watch(starter.monitor(started, !spec.promptOnCommandLine(), ref, transport, adapter));
    } catch (CamException | IllegalArgumentException e) {
      return finish(
          agent, null, null, AgentStatus.FAILED, "could not start: " + e.getMessage(), null);
    }
  }

  private Agent watch(AgentMonitor monitor) {
    monitors.put(monitor.agentId(), monitor);
    monitor.start();
    return monitor.agent();
  }

  private void ended(AgentMonitor monitor, AgentStatus status, String reason, Screen screen) {
    monitors.remove(monitor.agentId(), monitor);
    Agent stored = journal.agents().find(monitor.agentId());
    if (stored.status().isTerminal()) {
      return; // stopped or killed by another process meanwhile
    }
    finish(
        monitor.agent(),
        monitor.session(),
        catalog.transportOf(monitor.agent()),
        status,
        reason,
        screen);
  }

  /**
   * Ends an attempt: records the last screen, then retries or finalizes. The session of a completed
   * agent is kept so a person can attach and look back (a later {@link #kill} ends it); any other
   * end kills it, so a failed tool holds no resources and a retry starts clean.
   */
  private Agent finish(
      Agent agent,
      SessionRef session,
      Transport transport,
      AgentStatus status,
      String reason,
      Screen screen) {
    if (session != null && transport != null && status != AgentStatus.COMPLETED) {
      Sessions.killQuietly(transport, session);
    }
    Map<String, Object> detail = new HashMap<>();
    detail.put("status", status.wireName());
    detail.put("reason", reason);
    detail.put("attempt", agent.attempt());
    detail.put("screen", screen == null ? List.of() : screen.lines());
    journal.event(agent.id(), EventTypes.FINALIZE, detail);
    boolean retryable = status == AgentStatus.FAILED || status == AgentStatus.TIMEOUT;
    if (retryable && agent.attempt() <= agent.options().retries()) {
      Duration wait = settings.backoff().delay(agent.attempt());
      Agent waiting =
          journal.status(
              agent,
              AgentStatus.RETRYING,
              reason + "; attempt " + (agent.attempt() + 1) + " in " + wait.toMillis() + " ms");
      retries.put(
          agent.id(),
          scheduler.schedule(() -> relaunch(agent.id()), wait.toMillis(), TimeUnit.MILLISECONDS));
      return waiting;
    }
    Agent done = journal.status(agent, status, reason);
    keeper.release(agent.id());
    return done;
  }

  private void relaunch(String id) {
    retries.remove(id);
    Agent agent = journal.agents().find(id);
    if (agent.status() != AgentStatus.RETRYING) {
      return;
    }
    try {
      Agent next = journal.replace(agent, agent.nextAttempt());
      launch(next, catalog.tool(next.tool()), catalog.transportOf(next));
    } catch (CamException e) {
      finish(agent, null, null, AgentStatus.FAILED, "could not retry: " + e.getMessage(), null);
    }
  }

  @Override
  public Agent stop(String id) {
    return end(id, true);
  }

  @Override
  public Agent kill(String id) {
    return end(id, false);
  }

  private Agent end(String id, boolean graceful) {
    Agent agent = journal.agents().find(id);
    AgentMonitor monitor = monitors.remove(agent.id());
    if (monitor != null) {
      monitor.halt();
    }
    ScheduledFuture<?> retry = retries.remove(agent.id());
    if (retry != null) {
      retry.cancel(false);
    }
    agent = journal.agents().find(agent.id());
    if (agent.status().isTerminal()) {
      endKeptSession(agent);
      return agent;
    }
    SessionRef session = Sessions.of(agent);
    Transport transport = session == null ? null : catalog.transportOf(agent);
    Screen last = null;
    if (session != null) {
      last = Sessions.captureQuietly(transport, session);
      if (graceful) {
        List<String> exit = catalog.tool(agent.tool()).exitKeys();
        Sessions.exitGracefully(transport, session, exit, settings.stopGrace());
      }
    }
    String reason = graceful ? "stopped on request" : "killed on request";
    return finish(agent, session, transport, AgentStatus.KILLED, reason, last);
  }

  /** A completed agent's session was kept for people to look at: stop and kill end it. */
  private void endKeptSession(Agent agent) {
    SessionRef session = Sessions.of(agent);
    if (agent.status() == AgentStatus.COMPLETED && session != null) {
      try {
        Sessions.killQuietly(catalog.transportOf(agent), session);
      } catch (CamException e) {
        // the transport is gone: nothing left to end from here
      }
    }
  }

  @Override
  public Agent retry(String id) {
    Agent agent = journal.agents().find(id);
    if (!agent.status().isTerminal()) {
      throw new InvalidInputException(
          "agent " + agent.shortId() + " is " + agent.status().wireName() + ": stop it first");
    }
    if (!keeper.acquire(agent.id())) {
      throw new InvalidInputException(
          "agent " + agent.shortId() + " is being watched by another CAM process");
    }
    endKeptSession(agent);
    Agent next = journal.replace(agent, agent.nextAttempt());
    return launch(next, catalog.tool(next.tool()), catalog.transportOf(next));
  }

  @Override
  public void send(String id, String text, boolean enter) {
    input.send(id, text, enter);
  }

  @Override
  public void keys(String id, List<String> keys) {
    input.keys(id, keys);
  }

  @Override
  public Screen output(String id, int lines) {
    return input.output(id, lines);
  }

  @Override
  public List<Agent> adopt() {
    EnumSet<AgentStatus> active = EnumSet.noneOf(AgentStatus.class);
    Arrays.stream(AgentStatus.values()).filter(s -> !s.isTerminal()).forEach(active::add);
    List<Agent> adopted = new ArrayList<>();
    for (Agent agent : journal.agents().list(new AgentQuery(active, null, null, 0, 0))) {
      if (!monitors.containsKey(agent.id()) && keeper.acquire(agent.id())) {
        adopted.add(adoptOne(agent));
      }
    }
    return adopted;
  }

  private Agent adoptOne(Agent agent) {
    if (agent.status() == AgentStatus.RETRYING) {
      relaunch(agent.id());
      return journal.agents().find(agent.id());
    }
    SessionRef session = Sessions.of(agent);
    try {
      Transport transport = catalog.transportOf(agent);
      if (session == null || !transport.isAlive(session)) {
        return finish(
            agent,
            null,
            null,
            AgentStatus.FAILED,
            "session ended while no CAM process was watching",
            null);
      }
      ToolAdapter adapter = catalog.tool(agent.tool());
      boolean typePrompt =
          agent.status() == AgentStatus.STARTING
              && !adapter.launch(new LaunchRequest(agent)).promptOnCommandLine();
      return watch(starter.monitor(agent, typePrompt, session, transport, adapter));
    } catch (CamException e) {
      keeper.release(agent.id());
      journal.event(
          agent.id(), EventTypes.ERROR, Map.of("message", "could not adopt: " + e.getMessage()));
      return agent;
    }
  }

  /** Whether this manager is watching the agent now. */
  public boolean monitoring(String id) {
    AgentMonitor monitor = monitors.get(id);
    return monitor != null && !monitor.finished();
  }

  @Override
  public void release() {
    close();
  }

  @Override
  public void close() {
    keeper.stop();
    monitors.values().forEach(AgentMonitor::halt);
    retries.values().forEach(f -> f.cancel(false));
    monitors.keySet().forEach(keeper::release);
    keeper.releaseAll();
    monitors.clear();
    MonitorThreads.shutdown(scheduler);
  }

  private void leaseLost(String id) {
    AgentMonitor monitor = monitors.remove(id);
    if (monitor != null) {
      monitor.halt();
      journal.event(
          id, EventTypes.ERROR, Map.of("message", "another CAM process took over watching"));
    }
  }

  private void touched(String id) {
    AgentMonitor monitor = monitors.get(id);
    if (monitor != null) {
      monitor.touch();
      monitor.activity();
    }
  }

  private String newId() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The agents' store, for callers holding only the manager. */
  public Agents agents() {
    return journal.agents();
  }
}
