package dev.cam.platform.config;

import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration: built-in defaults, then the user file, then the nearest {@code
 * .cam/config.toml} upward from the working directory, then {@code CAM_*} environment variables,
 * then flags. Later layers win key by key. Every key and value is checked as its layer is read, so
 * an error names the file, variable or flag it came from.
 *
 * <p>Threading: stateless apart from its TOML reader; safe from any thread.
 */
public final class ConfigLoader {
  // made when a file is there to read: a command run without config files loads no TOML parser
  private TomlLayer toml;

  /**
   * @throws dev.cam.api.ConfigException for a syntax error, an unknown key or a bad value
   */
  public LayeredConfig load(ConfigSources sources) {
    Map<String, Setting> merged = ConfigDefaults.settings();
    List<Path> files = new ArrayList<>();
    if (Files.isRegularFile(sources.userFile())) {
      merged.putAll(toml().read(sources.userFile()));
      files.add(sources.userFile());
    }
    Optional<Path> project = projectFile(sources.workingDir(), sources.userFile());
    if (project.isPresent()) {
      merged.putAll(toml().read(project.get()));
      files.add(project.get());
    }
    merged.putAll(EnvLayer.read(sources.env()));
    sources.flags().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            flag -> {
              KeySpec spec = ConfigSchema.require(flag.getKey(), "flag");
              merged.put(flag.getKey(), Setting.of(spec, flag.getKey(), flag.getValue(), "flag"));
            });
    return new LayeredConfig(merged, files);
  }

  private synchronized TomlLayer toml() {
    if (toml == null) {
      toml = new TomlLayer(new TomlFactory());
    }
    return toml;
  }

  /** The nearest {@code .cam/config.toml} at or above {@code workingDir}, other than the user's. */
  static Optional<Path> projectFile(Path workingDir, Path userFile) {
    Path user = userFile.toAbsolutePath().normalize();
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".cam").resolve("config.toml");
      if (Files.isRegularFile(candidate) && !candidate.equals(user)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
