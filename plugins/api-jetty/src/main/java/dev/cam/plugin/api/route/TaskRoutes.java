package dev.cam.plugin.api.route;

import dev.cam.api.PlatformContext;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRunner;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/tasks…}: task graphs as {@code cam apply} runs them, through the same task runner. A
 * graph applied here runs in the server's process; its progress is stored, so {@code GET} shows it
 * from any process sharing the store.
 */
public final class TaskRoutes {
  static final int MAX_PARALLEL = 64;
  private final PlatformContext context;

  public TaskRoutes(PlatformContext context) {
    this.context = context;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/tasks", "Task graphs, newest first", this::list),
        new Route(
            "POST", "/api/tasks/apply", "Apply a task graph (JSON, TOML or YAML)", this::apply),
        new Route("GET", "/api/tasks/{id}", "A task graph's progress", this::get));
  }

  private Reply list(Exchange ex) {
    int limit = Params.integer(ex, "limit", AgentRoutes.DEFAULT_LIMIT, 1, AgentRoutes.MAX_LIMIT);
    TaskRunner tasks = runner();
    List<TaskGraphView> graphs =
        tasks.list(limit).stream().map(g -> TaskGraphView.of(g, context.agents())).toList();
    return Reply.ok(Map.of("tasks", graphs));
  }

  private Reply get(Exchange ex) {
    return Reply.ok(TaskGraphView.of(runner().get(ex.param("id")), context.agents()));
  }

  private Reply apply(Exchange ex) {
    TaskRunner tasks = runner();
    String format = TaskUpload.format(ex);
    String name = Params.text(ex, "name");
    String text = new String(ex.bytes(), StandardCharsets.UTF_8);
    TaskGraph graph = tasks.parse(text, format, name == null ? "tasks." + format : name);
    if (Params.flag(ex, "dry_run")) {
      Map<String, Object> plan = new LinkedHashMap<>();
      plan.put("name", graph.name());
      plan.put("levels", tasks.levels(graph));
      return Reply.ok(plan);
    }
    int parallel = Params.integer(ex, "parallel", 4, 1, MAX_PARALLEL);
    TaskRunner.ApplyOptions options = TaskUpload.options(ex, graph, parallel, context.dataDir());
    TaskGraphRun run = tasks.apply(graph, options);
    return Reply.created("/api/tasks/" + run.id(), TaskGraphView.of(run, context.agents()));
  }

  private TaskRunner runner() {
    try {
      return context.tasks();
    } catch (UnsupportedOperationException e) {
      throw new ProblemException(
          Problem.unavailable(
              "task runner not available in this process: start the server with 'cam serve'"
                  + " where the agent manager runs, or use 'cam apply'"));
    }
  }
}
