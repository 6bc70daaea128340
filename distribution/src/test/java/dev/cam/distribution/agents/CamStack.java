package dev.cam.distribution.agents;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.api.RunRequest;
import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CAM's real stack for one test: a {@link Kernel} on temporary config and data directories, the
 * distribution's plugin jars (tool adapters and tmux transport through PF4J), a private tmux
 * socket, and an empty home for the agent CLI. {@link #close()} ends every process it started: the
 * panes' process trees by pid (some CLIs outlive their tmux server), then the tmux server.
 */
final class CamStack implements AutoCloseable {
  private final Path temp;
  private final Path home;
  private final Path work;
  private final Path socket;
  private final Kernel kernel;

  /**
   * @param temp the test's temporary directory
   * @param toolRules per-tool rule overrides ({@code tools/<id>.toml} in the config directory)
   */
  CamStack(Path temp, Map<String, String> toolRules) throws IOException {
    Prerequisites.tmux();
    this.temp = temp;
    this.home = Files.createDirectories(temp.resolve("home"));
    this.work = Files.createDirectories(temp.resolve("work"));
    this.socket = temp.resolve("tmux.sock");
    Path config = Files.createDirectories(temp.resolve("config"));
    Files.writeString(config.resolve("config.toml"), "[tmux]\nsocket = \"" + socket + "\"\n");
    Path tools = Files.createDirectories(config.resolve("tools"));
    for (Map.Entry<String, String> rules : toolRules.entrySet()) {
      Files.writeString(tools.resolve(rules.getKey() + ".toml"), rules.getValue());
    }
    Map<String, String> env =
        Map.of(
            "CAM_CONFIG_DIR", config.toString(), "CAM_DATA_DIR", temp.resolve("data").toString());
    kernel = new Kernel(distribution(), env, work, LaunchOptions.NONE);
  }

  /** The CLI's home directory, empty at first. */
  Path home() {
    return home;
  }

  /** The agent's working directory. */
  Path work() {
    return work;
  }

  /** Starts {@code tool} in the working directory with the empty home and {@code extraEnv}. */
  Agent run(String tool, String prompt, Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("TERM", "xterm-256color");
    AgentOptions options = new AgentOptions(Duration.ofMinutes(3), null, 0, true, env);
    return kernel
        .control()
        .run(new RunRequest(tool, prompt, null, work.toString(), null, null, options));
  }

  Agent agent(String id) {
    return kernel.agents().find(id);
  }

  /** Waits until the agent's stored record matches; the failure shows its screen. */
  Agent awaitAgent(String id, Predicate<Agent> condition, Duration timeout, String what) {
    try {
      Await.until(() -> condition.test(agent(id)), timeout, what);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; agent: " + agent(id) + "\n" + screen(id) + "\nevents: " + events(id),
          e);
    }
    return agent(id);
  }

  Agent awaitStatus(String id, AgentStatus status, Duration timeout) {
    return awaitAgent(id, a -> a.status() == status, timeout, "status " + status);
  }

  /** Waits until the agent waits for a person for a reason starting with {@code reason}. */
  Agent awaitWaiting(String id, String reason, Duration timeout) {
    return awaitAgent(
        id,
        a ->
            a.status() == AgentStatus.WAITING
                && a.exitReason() != null
                && a.exitReason().startsWith(reason),
        timeout,
        "WAITING: " + reason);
  }

  /** The last screen of an ended agent, as its finalize event recorded it. */
  String finalScreen(String id) {
    return events(id, EventTypes.FINALIZE).stream()
        .reduce((first, second) -> second)
        .map(e -> String.join("\n", lines(e.detail().get("screen"))))
        .orElse("(no finalize event)");
  }

  private static List<String> lines(Object value) {
    return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  List<AgentEvent> events(String id) {
    return kernel.events().since(0, id, 10_000);
  }

  List<AgentEvent> events(String id, String type) {
    return events(id).stream().filter(e -> e.type().equals(type)).toList();
  }

  /** The agent's current screen, or why it can't be read. */
  String screen(String id) {
    try {
      return kernel.control().output(id, 0).text();
    } catch (RuntimeException e) {
      return "(no live screen: " + e.getMessage() + "; last screen:)\n" + finalScreen(id);
    }
  }

  /**
   * Closes CAM first: its tmux watch client would otherwise start a fresh server on the socket once
   * the old one is gone. Then the panes' processes and the server.
   */
  @Override
  public void close() {
    List<Long> panes = TmuxServer.panePids(socket);
    try {
      kernel.close();
    } finally {
      TmuxServer.endAll(socket, panes);
    }
  }

  /** The temporary directory of the test, for files next to the home. */
  Path temp() {
    return temp;
  }

  private static Path distribution() {
    String dir = System.getProperty("cam.dist");
    if (dir == null) {
      throw new IllegalStateException("cam.dist is not set: run the tests with ./mvnw verify");
    }
    return Path.of(dir);
  }
}
