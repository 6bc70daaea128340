package dev.cam.platform.agent.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.RunRequest;
import dev.cam.platform.agent.AgentManager;
import dev.cam.platform.agent.Backoff;
import dev.cam.platform.agent.Catalog;
import dev.cam.platform.agent.ManagerSettings;
import dev.cam.platform.monitor.AgentJournal;
import dev.cam.platform.monitor.MonitorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Real tmux on a private socket, the fake agent, an in-memory store and managers with short
 * timings. Closing ends the managers and the tmux server.
 */
public final class Rig implements AutoCloseable {
  public static final MonitorSettings FAST =
      new MonitorSettings(
          Duration.ofMillis(100),
          Duration.ofSeconds(30),
          Duration.ofMillis(10),
          Duration.ofMillis(100),
          Duration.ofMillis(80),
          Duration.ofSeconds(2),
          Duration.ofMillis(600),
          true,
          Duration.ofMillis(500),
          Duration.ofMillis(500),
          Duration.ofMillis(100),
          Duration.ofMillis(300),
          20);

  public final MemoryStore store = new MemoryStore(Clock.systemUTC());
  public final LocalTmux tmux;
  public final Path dir;
  private final List<AgentManager> managers = new ArrayList<>();

  /**
   * @param watch whether sessions report activity through tmux control mode (else monitors poll)
   */
  public Rig(Path dir, boolean watch) {
    requireTmux();
    this.dir = dir;
    this.tmux = new LocalTmux(dir.resolve("tmux.sock"), watch);
  }

  /** A manager whose leases carry {@code owner}; closed with the rig. */
  public AgentManager manager(String owner) {
    return manager(owner, FAST);
  }

  /** A manager watching with these settings; closed with the rig. */
  public AgentManager manager(String owner, MonitorSettings monitor) {
    ManagerSettings settings =
        ManagerSettings.defaults(owner)
            .withMonitor(monitor)
            .withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 2))
            .withLeaseTtl(Duration.ofSeconds(3));
    AgentManager manager =
        new AgentManager(
            new AgentJournal(store, store, Clock.systemUTC()),
            store,
            store,
            new Catalog(() -> List.of(tmux), () -> List.of(new FakeTool())),
            settings);
    managers.add(manager);
    return manager;
  }

  public RunRequest request(String script, AgentOptions options) {
    return request(Map.of("FAKE_SCRIPT", script), options);
  }

  /** A run of the fake agent with this environment (FAKE_SCRIPT, FAKE_LOG). */
  public RunRequest request(Map<String, String> env, AgentOptions options) {
    AgentOptions base = options == null ? AgentOptions.DEFAULTS : options;
    AgentOptions withScript =
        new AgentOptions(
            base.timeout(), base.idleTimeout(), base.retries(), base.autoConfirm(), env);
    return new RunRequest("fake", "do the task", null, dir.toString(), null, null, withScript);
  }

  public Agent await(String id, AgentStatus status, Duration timeout) {
    Await.until(
        timeout,
        () -> store.find(id).status() == status,
        () ->
            "agent "
                + id
                + " to be "
                + status
                + " but it is "
                + store.find(id).status()
                + " ("
                + store.find(id).exitReason()
                + "); events "
                + types(id));
    return store.find(id);
  }

  public List<AgentEvent> events(String id) {
    return store.since(0, id, 0);
  }

  public List<String> types(String id) {
    return events(id).stream().map(AgentEvent::type).toList();
  }

  @Override
  public void close() {
    managers.forEach(AgentManager::close);
    tmux.close();
  }

  private static void requireTmux() {
    boolean present;
    try {
      present = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(present, "tmux is required: install it (apt-get install tmux)");
    }
    Assumptions.assumeTrue(present, "tmux is not installed: install it to run this test");
  }
}
