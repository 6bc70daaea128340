package dev.cam.plugin.api.route;

import dev.cam.api.Config;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.api.ToolSource;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/tools}: the tool adapters an agent can be run with (for the web app's New-agent
 * form), each with its installed version and its {@code [tools.<id>]} settings. {@link ToolAdapter}
 * extensions come first, then the adapters of each {@link ToolSource} whose id no extension claims.
 */
public final class ToolRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRoutes.class);
  private final PlatformContext context;
  private final ToolVersions versions;

  public ToolRoutes(PlatformContext context, ToolVersions versions) {
    this.context = context;
    this.versions = versions;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/tools", "Tool adapters, their versions and settings", this::list));
  }

  private Reply list(Exchange ex) {
    Map<String, Offered> byId = offered();
    Map<String, String> known = versions.of(byId.values().stream().map(Offered::adapter).toList());
    List<Map<String, Object>> tools = new ArrayList<>();
    byId.values().forEach(o -> tools.add(view(o, known.get(o.adapter().id()))));
    return Reply.ok(Map.of("tools", tools));
  }

  private Map<String, Offered> offered() {
    Map<String, Offered> byId = new LinkedHashMap<>();
    for (ToolAdapter adapter : context.extensions(ToolAdapter.class)) {
      byId.putIfAbsent(adapter.id(), new Offered(adapter, "plugin"));
    }
    for (ToolSource source : context.extensions(ToolSource.class)) {
      try {
        source.tools().forEach(a -> byId.putIfAbsent(a.id(), new Offered(a, source.id())));
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("tool source {} could not list its tools: {}", source.id(), e.toString());
      }
    }
    return byId;
  }

  private Map<String, Object> view(Offered offered, String version) {
    String id = offered.adapter().id();
    Config config = context.config();
    String key = "tools." + id + ".";
    Map<String, Object> tool = new LinkedHashMap<>();
    tool.put("id", id);
    tool.put("name", offered.adapter().displayName());
    tool.put("source", offered.source());
    tool.put("version", version);
    tool.put("enabled", config.get(key + "enabled").map(Boolean::parseBoolean).orElse(true));
    tool.put("command", config.get(key + "command").orElse(null));
    tool.put("args", config.getList(key + "args"));
    tool.put(
        "auto_confirm", config.get(key + "auto_confirm").map(Boolean::parseBoolean).orElse(null));
    return tool;
  }

  /** An adapter and where it comes from: {@code plugin} or a tool source's id. */
  private record Offered(ToolAdapter adapter, String source) {}
}
