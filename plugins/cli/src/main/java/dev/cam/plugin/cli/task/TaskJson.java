package dev.cam.plugin.cli.task;

import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.plugin.cli.Json;
import java.time.Instant;
import java.util.Map;

/** Task graphs as JSON: {@code {id,name,status,created_at,finished_at,tasks:[...]}}. */
final class TaskJson {
  private TaskJson() {}

  static Map<String, Object> graph(TaskGraphRun g) {
    return Json.object(
        "id", g.id(),
        "name", g.name(),
        "status", g.status().wireName(),
        "created_at", text(g.createdAt()),
        "finished_at", text(g.finishedAt()),
        "tasks", g.tasks().stream().map(TaskJson::task).toList());
  }

  static Map<String, Object> task(TaskRun t) {
    return Json.object(
        "name", t.name(),
        "status", t.status().wireName(),
        "depends_on", t.dependsOn(),
        "agent_id", t.agentId(),
        "reason", t.reason(),
        "started_at", text(t.startedAt()),
        "finished_at", text(t.finishedAt()));
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
