package dev.cam.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in defaults, the lowest configuration layer: every layer above (user file, project
 * file, {@code CAM_*} environment, flags) overrides them key by key. Values are given as a TOML
 * file would give them (strings, booleans, whole numbers as {@code long}, decimals as {@code
 * double}, lists) and checked against the schema like any layer's. They are code, not a TOML
 * resource, so that a command run without config files never loads a TOML parser. See {@code
 * docs/configuration.md}.
 */
final class ConfigDefaults {
  private static final Map<String, Object> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("general.default_tool", "claude");
    VALUES.put("general.log_level", "info");

    VALUES.put("monitor.poll_interval", "2s");
    VALUES.put("monitor.probe_enabled", true);
    VALUES.put("monitor.probe_after", "10s");
    VALUES.put("monitor.probe_timeout", "2s");
    VALUES.put("monitor.idle_stability", "5s");
    VALUES.put("monitor.auto_confirm", true);
    VALUES.put("monitor.confirm_cooldown", "3s");
    VALUES.put("monitor.lost_contact_limit", "2m");

    VALUES.put("retry.max", 0L);
    VALUES.put("retry.backoff_initial", "10s");
    VALUES.put("retry.backoff_max", "5m");
    VALUES.put("retry.backoff_multiplier", 2.0);

    VALUES.put("server.host", "127.0.0.1");
    VALUES.put("server.port", 8420L);
    VALUES.put("server.cors_origins", List.of());
    VALUES.put("server.health_open", false);

    // relay.url (or 'cam serve --relay URL') reaches this server from anywhere; enabled = false
    // keeps the url but turns the link off
    VALUES.put("relay.enabled", true);

    VALUES.put("plugins.disabled", List.of());

    // CAM's own tmux server: a socket name for `tmux -L`, or a path (with '/') for `tmux -S`
    VALUES.put("tmux.socket", "cam");
    VALUES.put("tmux.executable", "tmux");

    // Unknown hosts are added to CAM's known_hosts (in the config directory) on first connect only
    // when accept_new is on; a changed host key is always refused. The person's own known_hosts
    // and ssh config are only read; CAM's known_hosts is read after theirs.
    VALUES.put("ssh.accept_new", false);
    VALUES.put("ssh.known_hosts", "~/.ssh/known_hosts");
    VALUES.put("ssh.config", "~/.ssh/config");
    VALUES.put("ssh.connect_timeout", "10s");
    VALUES.put("ssh.command_timeout", "15s");
    // CAM's tmux server on remote machines: a name for `tmux -L`, or a path (with '/') for `-S`
    VALUES.put("ssh.tmux_socket", "cam");
    VALUES.put("ssh.tmux_executable", "tmux");
  }

  private ConfigDefaults() {}

  /** The default settings, in the order above. */
  static Map<String, Setting> settings() {
    Map<String, Setting> settings = new LinkedHashMap<>();
    VALUES.forEach(
        (key, raw) ->
            settings.put(
                key, Setting.of(ConfigSchema.require(key, "default"), key, raw, "default")));
    return settings;
  }
}
