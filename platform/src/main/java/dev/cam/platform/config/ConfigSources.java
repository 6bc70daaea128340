package dev.cam.platform.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a configuration is loaded from, besides the built-in defaults.
 *
 * @param userFile the user's file ({@code ~/.config/cam/config.toml} or the one given with {@code
 *     --config}); skipped when it does not exist
 * @param workingDir where the search for {@code .cam/config.toml} starts, going upward; the nearest
 *     one found is used
 * @param env the process environment; {@code CAM_*} variables override files
 * @param flags dotted keys given on the command line; they override everything
 */
public record ConfigSources(
    Path userFile, Path workingDir, Map<String, String> env, Map<String, String> flags) {
  public ConfigSources {
    Objects.requireNonNull(userFile, "userFile");
    Objects.requireNonNull(workingDir, "workingDir");
    env = env == null ? Map.of() : Map.copyOf(env);
    flags = flags == null ? Map.of() : Map.copyOf(flags);
  }

  /** The usual sources of a process: the user's file in {@code dirs}, its environment, no flags. */
  public static ConfigSources of(CamDirs dirs, Path workingDir, Map<String, String> env) {
    return new ConfigSources(dirs.userConfigFile(), workingDir, env, Map.of());
  }
}
