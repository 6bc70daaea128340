package dev.cam.platform.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the host needs to know about files in a plugins root. */
final class PluginFiles {
  private PluginFiles() {}

  /** A jar, a zip or a directory, not hidden: what PF4J would try to load. */
  static boolean isCandidate(Path path) {
    String name = path.getFileName().toString();
    if (name.startsWith(".")) {
      return false;
    }
    return Files.isDirectory(path) || name.endsWith(".jar") || name.endsWith(".zip");
  }

  /**
   * Files in the root that may hold the plugin with this id ({@code id}, {@code id.jar}, {@code
   * id-1.0.zip}, ...): directories first, then jars, then zips, since those start fastest.
   */
  static List<Path> named(Path root, String pluginId) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(root)) {
      return files
          .filter(PluginFiles::isCandidate)
          .filter(path -> matches(PluginInfos.idFromFileName(path), pluginId))
          .sorted(Comparator.comparingInt(PluginFiles::rank).thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list plugins in " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Changes whenever a file or directory tree is still being written: sizes and modification times
   * summed, -1 when it is gone.
   */
  static long signature(Path path) {
    try (Stream<Path> tree = Files.walk(path)) {
      return tree.mapToLong(PluginFiles::stamp).sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** Deletes a plugin zip's unpacked directory; nothing when there is none. */
  static void deleteTree(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + directory + ": " + e.getMessage(), e);
    }
  }

  private static boolean matches(String stem, String pluginId) {
    return stem.equals(pluginId) || stem.startsWith(pluginId + "-") && isVersion(stem, pluginId);
  }

  private static boolean isVersion(String stem, String pluginId) {
    String rest = stem.substring(pluginId.length() + 1);
    return !rest.isEmpty() && Character.isDigit(rest.charAt(0));
  }

  private static int rank(Path path) {
    if (Files.isDirectory(path)) {
      return 0;
    }
    return path.getFileName().toString().endsWith(".jar") ? 1 : 2;
  }

  private static long stamp(Path path) {
    try {
      return Files.size(path) * 31 + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
