package dev.cam.platform.task;

import dev.cam.api.AgentControl;
import dev.cam.api.Agents;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskRunner;
import dev.cam.api.TaskStatus;
import dev.cam.platform.store.SqliteTaskGraphs;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The kernel's {@link TaskRunner}: each applied graph runs on a daemon thread of its own in this
 * process, its agents started through the agent control (and watched by this process's monitors).
 */
public final class GraphRunner implements TaskRunner {
  private final SqliteTaskGraphs store;
  private final Supplier<AgentControl> control;
  private final Agents agents;
  private final Clock clock;
  private final Duration poll;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param control made on first apply, so reading graphs needs no agent control
   * @param poll how often a running graph looks at its agents
   */
  public GraphRunner(
      SqliteTaskGraphs store,
      Supplier<AgentControl> control,
      Agents agents,
      Clock clock,
      Duration poll) {
    this.store = store;
    this.control = control;
    this.agents = agents;
    this.clock = clock;
    this.poll = poll;
  }

  @Override
  public TaskGraph parse(String text, String format, String name) {
    return TaskFiles.parse(text, format, name);
  }

  @Override
  public List<List<String>> levels(TaskGraph graph) {
    return GraphCheck.levels(graph);
  }

  @Override
  public TaskGraphRun apply(TaskGraph graph, ApplyOptions options) {
    GraphCheck.validate(graph);
    GraphPlan plan = new GraphPlan(graph, options);
    AgentControl agentControl = control.get();
    String id = HexFormat.of().formatHex(randomBytes());
    List<TaskRun> tasks =
        graph.tasks().stream()
            .map(
                t ->
                    new TaskRun(
                        t.name(), t.dependsOn(), TaskStatus.PENDING, null, null, null, null))
            .toList();
    TaskGraphRun run =
        new TaskGraphRun(id, graph.name(), TaskStatus.RUNNING, clock.instant(), null, tasks);
    store.insert(run);
    GraphRun.Collaborators with =
        new GraphRun.Collaborators(store, agentControl, agents, clock, poll);
    Thread thread =
        new Thread(new GraphRun(id, plan, tasks, with), "cam-tasks-" + id.substring(0, 8));
    thread.setDaemon(true);
    thread.start();
    return run;
  }

  @Override
  public TaskGraphRun get(String idOrPrefix) {
    return store.find(idOrPrefix);
  }

  @Override
  public List<TaskGraphRun> list(int limit) {
    return store.list(limit);
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return bytes;
  }
}
