package dev.cam.platform.agent.support;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.RunRequest;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import dev.cam.platform.agent.AgentManager;
import dev.cam.platform.agent.Backoff;
import dev.cam.platform.agent.Catalog;
import dev.cam.platform.agent.ManagerSettings;
import dev.cam.platform.agent.RunDefaults;
import dev.cam.platform.agent.StoreLeases;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.monitor.AgentJournal;
import dev.cam.platform.monitor.MonitorSettings;
import dev.cam.platform.store.Lease;
import dev.cam.platform.store.Store;
import dev.cam.plugin.tmux.TmuxSettings;
import dev.cam.plugin.tmux.TmuxTransport;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real tmux transport on a private server, the test kit's fake agent, a real SQLite store in a
 * temporary directory and managers with short timings. Closing ends the managers, the transport and
 * the tmux server, and closes the store.
 */
public final class Rig implements AutoCloseable {
  public static final MonitorSettings FAST =
      new MonitorSettings(
          Duration.ofMillis(100),
          Duration.ofSeconds(30),
          Duration.ofMillis(10),
          Duration.ofMillis(100),
          Duration.ofMillis(80),
          Duration.ofMillis(500),
          Duration.ofSeconds(2),
          Duration.ofMillis(600),
          true,
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          Duration.ofMillis(100),
          Duration.ofMillis(300),
          20,
          Duration.ofMinutes(2));

  public final Store store;
  public final TmuxFixture fixture;
  public final TmuxTransport tmux;
  public final Path dir;
  private final Transport transport;
  private final StoredEventBus events;
  private final List<AgentManager> managers = new ArrayList<>();

  /**
   * @param watch whether sessions report activity through tmux control mode (else monitors poll)
   */
  public Rig(Path dir, boolean watch) {
    this.fixture = TmuxFixture.start();
    this.dir = dir;
    this.tmux = new TmuxTransport(TmuxSettings.at(fixture.socket()));
    this.transport = watch ? tmux : new PollingTransport(tmux);
    this.store = Store.open(dir.resolve("cam.db"));
    this.events = new StoredEventBus(store.events(), new JsonlAgentLogs(dir.resolve("logs")));
  }

  /** The polling transport of a rig made without watching, to cut it off. */
  public PollingTransport polling() {
    return (PollingTransport) transport;
  }

  /** A manager whose leases carry {@code owner}; closed with the rig. */
  public AgentManager manager(String owner) {
    return manager(owner, FAST);
  }

  /** A manager watching with these settings; closed with the rig. */
  public AgentManager manager(String owner, MonitorSettings monitor) {
    return manager(owner, monitor, RunDefaults.NONE);
  }

  /** A manager with these monitor settings and run defaults; closed with the rig. */
  public AgentManager manager(String owner, MonitorSettings monitor, RunDefaults defaults) {
    ManagerSettings settings =
        ManagerSettings.defaults(owner)
            .withRunDefaults(defaults)
            .withMonitor(monitor)
            .withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2))
            .withLeaseTtl(Duration.ofSeconds(3))
            .withSignalDir(dir.resolve("signals"));
    AgentManager manager =
        new AgentManager(
            new AgentJournal(store.agents(), events, Clock.systemUTC()),
            store.contexts(),
            new StoreLeases(store.leases()),
            new Catalog(() -> List.of(transport), () -> List.of(new FakeTool())),
            settings);
    managers.add(manager);
    return manager;
  }

  /** A run of the fake agent with this script, one step a line. */
  public RunRequest request(String script, AgentOptions options) {
    return request(Map.of(FakeTool.SCRIPT, script(script)), options);
  }

  /** A run whose environment names the scripts and journal (see {@link FakeTool}). */
  public RunRequest request(Map<String, String> env, AgentOptions options) {
    AgentOptions base = options == null ? AgentOptions.DEFAULTS : options;
    Map<String, String> all = new HashMap<>(base.env());
    all.putAll(env);
    AgentOptions withScript =
        new AgentOptions(
            base.timeout(), base.idleTimeout(), base.retries(), base.autoConfirm(), all);
    return new RunRequest("fake", "do the task", null, dir.toString(), null, null, withScript);
  }

  /** Writes a fake agent script; returns its path. */
  public String script(String steps) {
    try {
      return FakeAgent.script(dir, steps.split("\n")).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for the status and for its {@code status_change} event, which is published just after the
   * agent is saved; on timeout the error shows the agent as it last was.
   */
  public Agent await(String id, AgentStatus status, Duration timeout) {
    Agent agent;
    try {
      agent = Await.value(() -> store.agents().find(id), a -> a.status() == status, timeout);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nevents: " + events(id) + screen(id), e);
    }
    Await.until(
        () ->
            events(id).stream()
                .anyMatch(
                    e ->
                        e.type().equals("status_change")
                            && status.wireName().equals(e.detail().get("to"))),
        timeout,
        "the status_change event to " + status.wireName());
    return agent;
  }

  /** The agent's screen now, for a failure message. */
  private String screen(String id) {
    Agent agent = find(id);
    try {
      SessionRef session = new SessionRef(agent.transport(), agent.machine(), agent.session());
      return "\nscreen:\n" + tmux.capture(session, 0, false).text();
    } catch (RuntimeException e) {
      return "\nno screen: " + e;
    }
  }

  public Agent find(String id) {
    return store.agents().find(id);
  }

  public String leaseOwner(String id) {
    return store.leases().current(id).map(Lease::owner).orElse(null);
  }

  public List<AgentEvent> events(String id) {
    return events.since(0, id, 0);
  }

  public List<String> types(String id) {
    return events(id).stream().map(AgentEvent::type).toList();
  }

  @Override
  public void close() {
    managers.forEach(AgentManager::close);
    tmux.close();
    fixture.close();
    store.close();
  }
}
