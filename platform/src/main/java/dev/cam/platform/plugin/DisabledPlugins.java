package dev.cam.platform.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.PluginStatusProvider;

/**
 * Which plugins the user turned off: the ids listed in {@code disabled.txt} of any plugins root
 * (PF4J's format: one id a line, {@code #} comments) plus the ids of the {@code plugins.disabled}
 * config key. The config is consulted only after {@link #consultConfig()}, so the launcher can
 * start its command-line plugin without parsing any configuration.
 */
final class DisabledPlugins implements PluginStatusProvider {
  static final String FILE = "disabled.txt";

  private final List<Path> roots;
  private volatile Supplier<Collection<String>> configured = Set::of;
  private Set<String> fromFiles;
  private Set<String> fromConfig = Set.of();

  DisabledPlugins(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  void configured(Supplier<Collection<String>> ids) {
    this.configured = ids;
  }

  /** Reads the config key now; a bad config throws here, naming its file and key. */
  synchronized void consultConfig() {
    fromConfig = Set.copyOf(configured.get());
  }

  @Override
  public synchronized boolean isPluginDisabled(String pluginId) {
    return fromFiles().contains(pluginId) || fromConfig.contains(pluginId);
  }

  @Override
  public synchronized void disablePlugin(String pluginId) {
    fromFiles().add(pluginId);
  }

  @Override
  public synchronized void enablePlugin(String pluginId) {
    fromFiles().remove(pluginId);
  }

  private Set<String> fromFiles() {
    if (fromFiles == null) {
      fromFiles = new LinkedHashSet<>();
      roots.forEach(root -> fromFiles.addAll(read(root.resolve(FILE))));
    }
    return fromFiles;
  }

  private static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
