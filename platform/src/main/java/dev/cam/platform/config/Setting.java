package dev.cam.platform.config;

import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * One effective value and where it came from.
 *
 * @param key dotted key
 * @param value typed value (see {@link KeySpec#convert})
 * @param source {@code default}, a file path, {@code env CAM_…} or {@code flag}
 */
record Setting(String key, Object value, String source) {
  /** Converts a raw value for a key, or a {@link ConfigException} naming source, key and rule. */
  static Setting of(KeySpec spec, String key, Object raw, String source) {
    try {
      return new Setting(key, spec.convert(raw), source);
    } catch (InvalidInputException e) {
      throw new ConfigException(source, key, e.getMessage());
    }
  }

  /** The value as text: durations like {@code 30s}, lists comma-separated. */
  String text() {
    if (value instanceof Duration d) {
      return Durations.format(d);
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(value);
  }
}
