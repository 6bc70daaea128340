package dev.cam.plugin.api.route;

import dev.cam.api.Agent;
import dev.cam.api.Agents;
import dev.cam.api.CamException;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import java.util.List;

/**
 * A task graph's progress as JSON.
 *
 * @param id graph id
 * @param name the graph's name (the file name)
 * @param status {@code running}, {@code completed} or {@code failed}
 * @param createdAt ISO-8601 instant
 * @param finishedAt ISO-8601 instant or null
 * @param tasks its tasks in file order
 */
public record TaskGraphView(
    String id,
    String name,
    String status,
    String createdAt,
    String finishedAt,
    List<TaskView> tasks) {

  static TaskGraphView of(TaskGraphRun run, Agents agents) {
    return new TaskGraphView(
        run.id(),
        run.name(),
        run.status().wireName(),
        AgentView.text(run.createdAt()),
        AgentView.text(run.finishedAt()),
        run.tasks().stream().map(t -> TaskView.of(t, agents)).toList());
  }

  /**
   * One task (a node of the graph).
   *
   * @param name task name
   * @param status {@code pending}, {@code running}, {@code completed}, {@code failed} or {@code
   *     skipped}
   * @param dependsOn names of the tasks it waits for
   * @param agentId the agent that runs or ran it, or null before it started
   * @param agentStatus that agent's status now (e.g. {@code waiting}), or null
   * @param reason why it failed or was skipped, or null
   * @param startedAt ISO-8601 instant or null
   * @param finishedAt ISO-8601 instant or null
   */
  public record TaskView(
      String name,
      String status,
      List<String> dependsOn,
      String agentId,
      String agentStatus,
      String reason,
      String startedAt,
      String finishedAt) {

    static TaskView of(TaskRun t, Agents agents) {
      return new TaskView(
          t.name(),
          t.status().wireName(),
          t.dependsOn(),
          t.agentId(),
          agentStatus(t.agentId(), agents),
          t.reason(),
          AgentView.text(t.startedAt()),
          AgentView.text(t.finishedAt()));
    }

    private static String agentStatus(String agentId, Agents agents) {
      if (agentId == null) {
        return null;
      }
      try {
        Agent agent = agents.find(agentId);
        return agent.status().wireName();
      } catch (CamException e) {
        // pruned since: the task's own status still tells how it ended
        return null;
      }
    }
  }
}
