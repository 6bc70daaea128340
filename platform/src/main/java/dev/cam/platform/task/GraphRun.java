package dev.cam.platform.task;

import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.AgentStatus;
import dev.cam.api.Agents;
import dev.cam.api.CamException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskStatus;
import dev.cam.platform.store.SqliteTaskGraphs;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One graph being run: a loop that ends finished agents' tasks, skips tasks whose dependencies did
 * not complete, and starts ready tasks while fewer than the limit run. Every change is stored
 * before the loop goes on. Runs on one thread of its own.
 */
final class GraphRun implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphRun.class);
  private final String id;
  private final GraphPlan plan;
  private final SqliteTaskGraphs store;
  private final AgentControl control;
  private final Agents agents;
  private final Clock clock;
  private final Duration poll;
  private final Map<String, TaskRun> runs = new LinkedHashMap<>();

  GraphRun(String id, GraphPlan plan, List<TaskRun> initial, Collaborators with) {
    this.id = id;
    this.plan = plan;
    this.store = with.store();
    this.control = with.control();
    this.agents = with.agents();
    this.clock = with.clock();
    this.poll = with.poll();
    initial.forEach(t -> runs.put(t.name(), t));
  }

  /**
   * What a run needs besides its graph.
   *
   * @param store where states are saved
   * @param control starts the agents
   * @param agents where their states are read
   * @param clock times of changes
   * @param poll how often running agents are looked at
   */
  record Collaborators(
      SqliteTaskGraphs store, AgentControl control, Agents agents, Clock clock, Duration poll) {}

  @Override
  public void run() {
    try {
      while (!finished()) {
        collectEnded();
        skipBlocked();
        startReady();
        if (!finished()) {
          Thread.sleep(poll.toMillis());
        }
      }
      boolean allDone = runs.values().stream().allMatch(t -> t.status() == TaskStatus.COMPLETED);
      store.updateGraph(id, allDone ? TaskStatus.COMPLETED : TaskStatus.FAILED, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The process is going away (its store closed under the loop) or the store failed: the
      // graph keeps its last stored state, and the agents it started run on.
      LOG.warn("task graph {} stopped watching its tasks: {}", id, e.getMessage());
    }
  }

  private boolean finished() {
    return runs.values().stream().allMatch(t -> t.status().isTerminal());
  }

  private void collectEnded() {
    for (TaskRun t : List.copyOf(runs.values())) {
      if (t.status() != TaskStatus.RUNNING) {
        continue;
      }
      Agent agent = agents.find(t.agentId());
      if (agent.status().isTerminal()) {
        boolean ok = agent.status() == AgentStatus.COMPLETED;
        String reason =
            ok
                ? null
                : "agent "
                    + agent.shortId()
                    + " "
                    + agent.status().wireName()
                    + (agent.exitReason() == null ? "" : ": " + agent.exitReason());
        save(
            new TaskRun(
                t.name(),
                t.dependsOn(),
                ok ? TaskStatus.COMPLETED : TaskStatus.FAILED,
                t.agentId(),
                reason,
                t.startedAt(),
                clock.instant()));
      }
    }
  }

  /** Skips pending tasks with a failed or skipped dependency, until nothing changes. */
  private void skipBlocked() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TaskRun t : List.copyOf(runs.values())) {
        if (t.status() != TaskStatus.PENDING) {
          continue;
        }
        for (String dep : t.dependsOn()) {
          TaskStatus s = runs.get(dep).status();
          if (s == TaskStatus.FAILED || s == TaskStatus.SKIPPED) {
            String why =
                "dependency '" + dep + "' " + (s == TaskStatus.FAILED ? "failed" : "was skipped");
            save(
                new TaskRun(
                    t.name(), t.dependsOn(), TaskStatus.SKIPPED, null, why, null, clock.instant()));
            changed = true;
            break;
          }
        }
      }
    }
  }

  private void startReady() {
    long running = runs.values().stream().filter(t -> t.status() == TaskStatus.RUNNING).count();
    for (TaskRun t : List.copyOf(runs.values())) {
      if (running >= plan.parallel()) {
        return;
      }
      boolean ready =
          t.status() == TaskStatus.PENDING
              && t.dependsOn().stream().allMatch(d -> runs.get(d).status() == TaskStatus.COMPLETED);
      if (ready) {
        start(t, plan.task(t.name()));
        running++;
      }
    }
  }

  private void start(TaskRun t, TaskDefinition definition) {
    try {
      Agent agent = control.run(plan.request(definition));
      save(
          new TaskRun(
              t.name(),
              t.dependsOn(),
              TaskStatus.RUNNING,
              agent.id(),
              null,
              clock.instant(),
              null));
    } catch (CamException e) {
      save(
          new TaskRun(
              t.name(),
              t.dependsOn(),
              TaskStatus.FAILED,
              null,
              "could not start: " + e.getMessage(),
              clock.instant(),
              clock.instant()));
    }
  }

  private void save(TaskRun t) {
    runs.put(t.name(), t);
    store.updateTask(id, t);
  }
}
