package dev.cam.plugin.api.route;

import dev.cam.api.Frontend;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /api/system…}: health, effective configuration, doctor and plugins. */
public final class SystemRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SystemRoutes.class);
  private static final String MASK = "********";
  private final PlatformContext context;

  public SystemRoutes(PlatformContext context) {
    this.context = context;
  }

  public List<Route> routes() {
    return List.of(
        new Route("GET", "/api/system/health", "Liveness and version", this::health),
        new Route(
            "GET", "/api/system/config", "Effective configuration, secrets masked", this::config),
        new Route("GET", "/api/system/doctor", "Health checks of tools and services", this::doctor),
        new Route("GET", "/api/system/plugins", "Plugins and their states", this::plugins));
  }

  private Reply health(Exchange ex) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("version", context.version());
    frontendHealth(body);
    return Reply.ok(body);
  }

  /** Each front-end's own report (the relay link's state and URL), under its id. */
  private void frontendHealth(Map<String, Object> body) {
    for (Frontend frontend : context.extensions(Frontend.class)) {
      try {
        Map<String, Object> health = frontend.health();
        if (!health.isEmpty()) {
          body.putIfAbsent(frontend.id(), health);
        }
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("front-end {} could not report its health: {}", frontend.id(), e.toString());
      }
    }
  }

  private Reply config(Exchange ex) {
    Map<String, Object> values = new TreeMap<>();
    Map<String, Object> sources = new TreeMap<>();
    context
        .config()
        .effective()
        .forEach(
            (key, value) -> {
              values.put(key, secret(key) ? MASK : value);
              sources.put(key, context.config().source(key));
            });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("values", values);
    body.put("sources", sources);
    return Reply.ok(body);
  }

  /** A second guard beside the config's own masking: such keys never leave the server. */
  private static boolean secret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("token")
        || lower.contains("password")
        || lower.contains("secret")
        || lower.endsWith("key");
  }

  private Reply doctor(Exchange ex) {
    List<Map<String, Object>> checks = new Doctor(context).run();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("ok"))));
    body.put("checks", checks);
    return Reply.ok(body);
  }

  private Reply plugins(Exchange ex) {
    List<Map<String, Object>> plugins =
        context.plugins().list().stream().map(SystemRoutes::plugin).toList();
    return Reply.ok(Map.of("plugins", plugins));
  }

  private static Map<String, Object> plugin(PluginInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", info.id());
    out.put("version", info.version());
    out.put("state", info.state() == null ? null : info.state().name().toLowerCase(Locale.ROOT));
    out.put("source", info.source());
    out.put("reason", info.reason());
    return out;
  }
}
