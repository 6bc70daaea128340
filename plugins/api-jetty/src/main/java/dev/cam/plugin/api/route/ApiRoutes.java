package dev.cam.plugin.api.route;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every route of the API, in matching order. */
public final class ApiRoutes {
  private final PlatformContext context;
  private final Json json;
  private final ToolVersions versions =
      new ToolVersions(Duration.ofSeconds(3), Duration.ofMinutes(5), System::nanoTime);

  public ApiRoutes(PlatformContext context, Json json) {
    this.context = context;
    this.json = json;
  }

  public List<Route> all() {
    List<Route> routes = new ArrayList<>();
    routes.addAll(new AgentRoutes(context, json).routes());
    routes.addAll(new ContextRoutes(context).routes());
    routes.addAll(new TaskRoutes(context, json).routes());
    routes.addAll(new SystemRoutes(context).routes());
    routes.addAll(new ToolRoutes(context, versions).routes());
    routes.addAll(OpenApiRoute.routes());
    return routes;
  }
}
