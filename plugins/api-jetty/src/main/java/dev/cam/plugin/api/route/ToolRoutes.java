package dev.cam.plugin.api.route;

import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/tools}: the tool adapters this server has loaded, for the new-agent form. */
public final class ToolRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRoutes.class);
  private final PlatformContext context;

  public ToolRoutes(PlatformContext context) {
    this.context = context;
  }

  public List<Route> routes() {
    return List.of(new Route("GET", "/api/tools", "Loaded tool adapters", this::list));
  }

  private Reply list(Exchange ex) {
    List<Map<String, Object>> tools =
        context.extensions(ToolAdapter.class).stream()
            .map(ToolRoutes::view)
            .sorted(Comparator.comparing(t -> String.valueOf(t.get("id"))))
            .toList();
    return Reply.ok(Map.of("tools", tools));
  }

  /** One adapter; a failing adapter still appears, with no name beyond its id or version. */
  private static Map<String, Object> view(ToolAdapter tool) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", tool.id());
    try {
      out.put("name", tool.displayName());
      out.put("version", tool.installedVersion().orElse(null));
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("tool {} could not describe itself: {}", tool.id(), e.toString());
      out.putIfAbsent("name", tool.id());
      out.put("version", null);
    }
    return out;
  }
}
