package dev.cam.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link CamSettings} from merged settings (already validated key by key). */
final class SettingsBinder {
  private final Map<String, Setting> settings;

  SettingsBinder(Map<String, Setting> settings) {
    this.settings = settings;
  }

  CamSettings bind() {
    return new CamSettings(
        new CamSettings.General(string("general.default_tool"), string("general.log_level")),
        new CamSettings.Monitor(
            duration("monitor.poll_interval"),
            bool("monitor.probe_enabled"),
            duration("monitor.probe_after"),
            duration("monitor.probe_timeout"),
            duration("monitor.idle_stability"),
            bool("monitor.auto_confirm"),
            duration("monitor.confirm_cooldown"),
            duration("monitor.lost_contact_limit")),
        new CamSettings.Retry(
            (Integer) value("retry.max"),
            duration("retry.backoff_initial"),
            duration("retry.backoff_max"),
            (Double) value("retry.backoff_multiplier")),
        new CamSettings.Server(
            string("server.host"),
            (Integer) value("server.port"),
            string("server.token"),
            list("server.cors_origins"),
            bool("server.health_open"),
            string("server.url")),
        new CamSettings.Relay(string("relay.url"), bool("relay.enabled")),
        tools());
  }

  private Map<String, CamSettings.Tool> tools() {
    Map<String, CamSettings.Tool> tools = new TreeMap<>();
    settings.keySet().stream()
        .filter(k -> k.startsWith("tools."))
        .map(k -> k.split("\\.")[1])
        .distinct()
        .forEach(id -> tools.put(id, tool(id)));
    return tools;
  }

  private CamSettings.Tool tool(String id) {
    String prefix = "tools." + id + ".";
    Map<String, String> env = new TreeMap<>();
    settings.forEach(
        (key, s) -> {
          if (key.startsWith(prefix + "env.")) {
            env.put(key.substring(prefix.length() + 4), (String) s.value());
          }
        });
    Object enabled = value(prefix + "enabled");
    return new CamSettings.Tool(
        id,
        string(prefix + "command"),
        list(prefix + "args"),
        enabled == null || (Boolean) enabled,
        env,
        (Boolean) value(prefix + "auto_confirm"));
  }

  private Object value(String key) {
    Setting s = settings.get(key);
    return s == null ? null : s.value();
  }

  private String string(String key) {
    Object v = value(key);
    return v == null || v.toString().isEmpty() ? null : v.toString();
  }

  private boolean bool(String key) {
    return Boolean.TRUE.equals(value(key));
  }

  private Duration duration(String key) {
    return (Duration) value(key);
  }

  @SuppressWarnings("unchecked")
  private List<String> list(String key) {
    Object v = value(key);
    return v == null ? List.of() : (List<String>) v;
  }
}
