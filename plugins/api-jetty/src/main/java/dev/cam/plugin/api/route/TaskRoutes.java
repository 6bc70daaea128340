package dev.cam.plugin.api.route;

import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.List;

/**
 * {@code /api/tasks…}: task graphs as {@code cam apply} runs them. The kernel offers no task runner
 * to plugins yet, so both routes answer 503 until it does.
 */
public final class TaskRoutes {
  public List<Route> routes() {
    return List.of(
        new Route(
            "POST", "/api/tasks/apply", "Apply a task graph (JSON, TOML or YAML)", this::none),
        new Route("GET", "/api/tasks/{id}", "A task graph's progress", this::none));
  }

  private Reply none(Exchange ex) {
    throw new ProblemException(
        Problem.unavailable(
            "task runner not available in this CAM version: run the agents one by one with"
                + " POST /api/agents"));
  }
}
