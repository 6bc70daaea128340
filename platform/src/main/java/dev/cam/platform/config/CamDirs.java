package dev.cam.platform.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where CAM keeps its configuration and its data.
 *
 * @param configDir configuration directory ({@code ~/.config/cam} by default)
 * @param dataDir data directory: store, logs, user plugins ({@code ~/.local/share/cam} by default)
 */
public record CamDirs(Path configDir, Path dataDir) {
  public CamDirs {
    configDir = Objects.requireNonNull(configDir, "configDir").toAbsolutePath().normalize();
    dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
  }

  /**
   * Resolves the directories from the environment: {@code CAM_CONFIG_DIR}, else {@code
   * $XDG_CONFIG_HOME/cam}, else {@code ~/.config/cam}; {@code CAM_DATA_DIR}, else {@code
   * $XDG_DATA_HOME/cam}, else {@code ~/.local/share/cam}. Empty variables count as unset.
   */
  public static CamDirs resolve(Map<String, String> env) {
    Path home = Path.of(firstSet(env.get("HOME"), System.getProperty("user.home")));
    Path config =
        pick(env, "CAM_CONFIG_DIR", "XDG_CONFIG_HOME", home.resolve(".config").resolve("cam"));
    Path data =
        pick(
            env,
            "CAM_DATA_DIR",
            "XDG_DATA_HOME",
            home.resolve(".local").resolve("share").resolve("cam"));
    return new CamDirs(config, data);
  }

  private static Path pick(Map<String, String> env, String own, String xdg, Path fallback) {
    String dir = env.get(own);
    if (isSet(dir)) {
      return Path.of(dir);
    }
    String base = env.get(xdg);
    return isSet(base) ? Path.of(base).resolve("cam") : fallback;
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static String firstSet(String value, String fallback) {
    return isSet(value) ? value : fallback;
  }

  /** {@code config.toml} in the config directory. */
  public Path userConfigFile() {
    return configDir.resolve("config.toml");
  }

  /** Per-tool rule overrides: {@code tools/<tool>.toml} in the config directory. */
  public Path toolsDir() {
    return configDir.resolve("tools");
  }

  /** The SQLite store, {@code cam.db} in the data directory. */
  public Path dbFile() {
    return dataDir.resolve("cam.db");
  }

  /** Per-agent JSONL logs. */
  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  /** Plugins the user installed. */
  public Path pluginsDir() {
    return dataDir.resolve("plugins");
  }
}
