package dev.cam.platform.config;

import dev.cam.api.ConfigException;
import dev.cam.platform.config.KeySpec.Kind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys CAM knows. Sections are fixed except {@code tools.<id>}, whose keys are the same for
 * every tool; {@code tools.<id>.env} is a table of environment variables.
 */
final class ConfigSchema {
  static final String TOOLS = "tools";
  private static final Pattern TOOL_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Map<String, Map<String, KeySpec>> SECTIONS = new LinkedHashMap<>();
  private static final Map<String, KeySpec> TOOL_KEYS =
      keys(
          KeySpec.of("command", Kind.STRING),
          KeySpec.of("args", Kind.LIST),
          KeySpec.of("enabled", Kind.BOOL),
          KeySpec.of("auto_confirm", Kind.BOOL));
  private static final KeySpec ENV_ENTRY = KeySpec.of("env", Kind.STRING);

  static {
    SECTIONS.put(
        "general",
        keys(
            KeySpec.of("default_tool", Kind.STRING),
            KeySpec.choice("log_level", "error", "warn", "info", "debug", "trace")));
    SECTIONS.put(
        "monitor",
        keys(
            KeySpec.of("poll_interval", Kind.DURATION),
            KeySpec.of("probe_enabled", Kind.BOOL),
            KeySpec.of("probe_after", Kind.DURATION),
            KeySpec.of("probe_timeout", Kind.DURATION),
            KeySpec.of("idle_stability", Kind.DURATION),
            KeySpec.of("auto_confirm", Kind.BOOL),
            KeySpec.of("confirm_cooldown", Kind.DURATION),
            KeySpec.of("lost_contact_limit", Kind.DURATION)));
    SECTIONS.put(
        "retry",
        keys(
            KeySpec.range("max", 0, 100),
            KeySpec.of("backoff_initial", Kind.DURATION),
            KeySpec.of("backoff_max", Kind.DURATION),
            new KeySpec("backoff_multiplier", Kind.DOUBLE, List.of(), 1, Long.MAX_VALUE)));
    SECTIONS.put(
        "server",
        keys(
            KeySpec.of("host", Kind.STRING),
            KeySpec.range("port", 0, 65535),
            KeySpec.of("token", Kind.SECRET),
            KeySpec.of("cors_origins", Kind.LIST),
            KeySpec.of("health_open", Kind.BOOL),
            KeySpec.of("url", Kind.STRING)));
    SECTIONS.put(
        "relay",
        keys(
            KeySpec.of("url", Kind.STRING),
            KeySpec.of("enabled", Kind.BOOL),
            KeySpec.of("ca_file", Kind.STRING),
            KeySpec.of("admission_secret", Kind.SECRET)));
    SECTIONS.put("plugins", keys(KeySpec.of("disabled", Kind.LIST)));
    SECTIONS.put(
        "tmux", keys(KeySpec.of("socket", Kind.STRING), KeySpec.of("executable", Kind.STRING)));
    SECTIONS.put(
        "ssh",
        keys(
            KeySpec.of("accept_new", Kind.BOOL),
            KeySpec.of("known_hosts", Kind.STRING),
            KeySpec.of("config", Kind.STRING),
            KeySpec.of("key_passphrase", Kind.SECRET),
            KeySpec.of("connect_timeout", Kind.DURATION),
            KeySpec.of("command_timeout", Kind.DURATION),
            KeySpec.of("tmux_socket", Kind.STRING),
            KeySpec.of("tmux_executable", Kind.STRING)));
  }

  private ConfigSchema() {}

  private static Map<String, KeySpec> keys(KeySpec... specs) {
    Map<String, KeySpec> map = new LinkedHashMap<>();
    for (KeySpec spec : specs) {
      map.put(spec.name(), spec);
    }
    return map;
  }

  static Collection<String> sections() {
    return SECTIONS.keySet();
  }

  static Collection<String> keysOf(String section) {
    return SECTIONS.getOrDefault(section, Map.of()).keySet();
  }

  /** True for a dotted path that is a table: a section, {@code tools.<id>} or its env table. */
  static boolean isTable(String path) {
    String[] p = path.split("\\.", -1);
    return (p.length == 1 && (SECTIONS.containsKey(p[0]) || p[0].equals(TOOLS)))
        || (p.length == 2 && p[0].equals(TOOLS) && TOOL_ID.matcher(p[1]).matches())
        || (p.length == 3 && p[0].equals(TOOLS) && p[2].equals("env"));
  }

  /** The spec of a leaf key, or empty when the key is not known. */
  static Optional<KeySpec> leaf(String key) {
    String[] p = key.split("\\.", -1);
    if (p.length == 2 && SECTIONS.containsKey(p[0])) {
      return Optional.ofNullable(SECTIONS.get(p[0]).get(p[1]));
    }
    boolean tool = p.length >= 3 && p[0].equals(TOOLS) && TOOL_ID.matcher(p[1]).matches();
    if (tool && p.length == 3) {
      return Optional.ofNullable(TOOL_KEYS.get(p[2]));
    }
    if (tool && p.length == 4 && p[2].equals("env") && !p[3].isEmpty()) {
      return Optional.of(ENV_ENTRY);
    }
    return Optional.empty();
  }

  /** The spec of a key, or a {@link ConfigException} naming the source with a suggestion. */
  static KeySpec require(String key, String source) {
    return leaf(key).orElseThrow(() -> unknown(key, source));
  }

  static ConfigException unknown(String key, String source) {
    return new ConfigException(source, key, "unknown key" + Suggestions.hint(key, candidates(key)));
  }

  private static List<String> candidates(String key) {
    String[] p = key.split("\\.", -1);
    if (p.length == 1 || (!SECTIONS.containsKey(p[0]) && !p[0].equals(TOOLS))) {
      return List.copyOf(SECTIONS.keySet());
    }
    if (p[0].equals(TOOLS)) {
      if (p.length < 2 || !TOOL_ID.matcher(p[1]).matches()) {
        return List.of();
      }
      String tool = TOOLS + "." + p[1] + ".";
      return TOOL_KEYS.keySet().stream().map(k -> tool + k).toList();
    }
    return SECTIONS.get(p[0]).keySet().stream().map(k -> p[0] + "." + k).toList();
  }
}
