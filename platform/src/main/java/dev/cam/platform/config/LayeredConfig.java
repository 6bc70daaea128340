package dev.cam.platform.config;

import dev.cam.api.Config;
import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective configuration made by {@link ConfigLoader}: every layer merged key by key, each
 * value checked when its layer was read. Immutable; safe from any thread.
 */
public final class LayeredConfig implements Config {
  private static final String MASK = "********";
  private final Map<String, Setting> settings;
  private final List<Path> files;
  private final CamSettings typed;

  LayeredConfig(Map<String, Setting> settings, List<Path> files) {
    this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    this.files = List.copyOf(files);
    this.typed = new SettingsBinder(this.settings).bind();
  }

  /** The configuration as typed records. */
  public CamSettings settings() {
    return typed;
  }

  /** The files that were read, lowest precedence first (defaults not included). */
  public List<Path> files() {
    return files;
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(settings.get(key)).map(Setting::text);
  }

  @Override
  public String require(String key) {
    return get(key)
        .filter(v -> !v.isEmpty())
        .orElseThrow(
            () ->
                new ConfigException(
                    "config", key, "is not set: set it with 'cam config set " + key + " VALUE'"));
  }

  @Override
  public int getInt(String key) {
    return typed(key, Integer.class, "a whole number");
  }

  @Override
  public boolean getBoolean(String key) {
    return typed(key, Boolean.class, "true or false");
  }

  @Override
  public Duration getDuration(String key) {
    return typed(key, Duration.class, "a duration");
  }

  /** A list value (empty when unset). */
  public List<String> getList(String key) {
    Setting s = settings.get(key);
    if (s == null) {
      return List.of();
    }
    return s.value() instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(s.text());
  }

  @Override
  public String source(String key) {
    Setting s = settings.get(key);
    return s == null ? "unset" : s.source();
  }

  @Override
  public Map<String, String> effective() {
    Map<String, String> out = new TreeMap<>();
    settings.forEach((key, s) -> out.put(key, isSecret(key) ? MASK : s.text()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Checks that CAM knows {@code key}, as {@code cam config get} needs before saying a key is
   * unset.
   *
   * @param source what named the key, e.g. {@code "argument"}
   * @throws ConfigException for an unknown key, with the nearest known one
   */
  public static void checkKey(String key, String source) {
    ConfigSchema.require(key, source);
  }

  /** True for keys whose values are never shown: tokens, passwords, keys in tool environments. */
  public static boolean isSecret(String key) {
    if (ConfigSchema.leaf(key).map(KeySpec::secret).orElse(false)) {
      return true;
    }
    String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return key.contains(".env.")
        && (last.contains("key")
            || last.contains("token")
            || last.contains("secret")
            || last.contains("password"));
  }

  private <T> T typed(String key, Class<T> type, String what) {
    Setting s = settings.get(key);
    if (s == null) {
      throw new ConfigException(
          "config", key, "is not set: set it with 'cam config set " + key + " VALUE'");
    }
    if (type.isInstance(s.value())) {
      return type.cast(s.value());
    }
    try {
      Object converted =
          new KeySpec(key, kindOf(type), List.of(), Long.MIN_VALUE, Long.MAX_VALUE)
              .convert(s.text());
      return type.cast(converted);
    } catch (InvalidInputException e) {
      throw new ConfigException(s.source(), key, "is '" + s.text() + "', not " + what);
    }
  }

  private static KeySpec.Kind kindOf(Class<?> type) {
    if (type == Integer.class) {
      return KeySpec.Kind.INT;
    }
    return type == Boolean.class ? KeySpec.Kind.BOOL : KeySpec.Kind.DURATION;
  }
}
