package dev.cam.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration: defaults, then {@code ~/.config/cam/config.toml}, then {@code
 * .cam/config.toml} found upward from the working directory, then {@code CAM_*} environment
 * variables, then command-line flags; later layers win. Keys are dotted, e.g. {@code server.port},
 * {@code tools.claude.command}.
 *
 * <p>Typed getters throw {@link ConfigException} naming the layer the bad value came from.
 * Durations accept {@code 30} (seconds), {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}.
 * Threading: immutable snapshot; safe from any thread.
 */
public interface Config {
  Optional<String> get(String key);

  /** The value, or a {@link ConfigException} saying the key must be set. */
  String require(String key);

  int getInt(String key);

  boolean getBoolean(String key);

  Duration getDuration(String key);

  /**
   * A list value, e.g. {@code tools.<id>.args}; empty when unset. This default splits the text form
   * at commas; the kernel's configuration keeps the items as they were written.
   */
  default List<String> getList(String key) {
    return get(key).filter(s -> !s.isEmpty()).map(s -> List.of(s.split(",", -1))).orElse(List.of());
  }

  /**
   * Where the effective value of the key came from: "default", a file path, "env CAM_…", "flag".
   */
  String source(String key);

  /** Every effective key and value, dotted and sorted; secrets (tokens, passwords) masked. */
  Map<String, String> effective();
}
