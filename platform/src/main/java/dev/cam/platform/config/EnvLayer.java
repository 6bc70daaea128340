package dev.cam.platform.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code CAM_*} environment variables as settings. {@code CAM_<SECTION>_<KEY>} names a key of a
 * fixed section ({@code CAM_SERVER_PORT} is {@code server.port}, {@code CAM_MONITOR_POLL_INTERVAL}
 * is {@code monitor.poll_interval}); a double underscore separates every level, which tools need
 * ({@code CAM_TOOLS__CLAUDE__COMMAND} is {@code tools.claude.command}, {@code
 * CAM_TOOLS__CLAUDE__ENV__FOO} is {@code tools.claude.env.FOO}). Variables that name no known key
 * are ignored: the environment is shared with other programs, including agents CAM starts.
 */
final class EnvLayer {
  private static final Set<String> DIRECTORIES = Set.of("CAM_CONFIG_DIR", "CAM_DATA_DIR");

  private EnvLayer() {}

  static Map<String, Setting> read(Map<String, String> env) {
    Map<String, Setting> out = new LinkedHashMap<>();
    for (String variable : new TreeSet<>(env.keySet())) {
      if (!variable.startsWith("CAM_") || DIRECTORIES.contains(variable)) {
        continue;
      }
      Optional<String> key = toKey(variable);
      Optional<KeySpec> spec = key.flatMap(ConfigSchema::leaf);
      if (spec.isPresent()) {
        out.put(key.get(), Setting.of(spec.get(), key.get(), env.get(variable), "env " + variable));
      }
    }
    return out;
  }

  /** The dotted key a variable names, or empty when its name has no key shape. */
  static Optional<String> toKey(String variable) {
    String rest = variable.substring("CAM_".length());
    if (rest.contains("__")) {
      String[] parts = rest.split("__", -1);
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        boolean envName = i == 3 && parts[2].equalsIgnoreCase("env");
        key.append(i == 0 ? "" : ".").append(envName ? parts[i] : lower(parts[i]));
      }
      return Optional.of(key.toString());
    }
    int split = rest.indexOf('_');
    if (split <= 0 || split == rest.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(lower(rest.substring(0, split)) + "." + lower(rest.substring(split + 1)));
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
