package dev.cam.plugin.cli.context;

import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import java.nio.file.Files;
import java.nio.file.Path;

/** Context directories as given: absolute, and for this machine, an existing directory. */
final class ContextPaths {
  private ContextPaths() {}

  /**
   * A local path is made absolute and must be a directory; a remote one must already be absolute
   * (it is checked there by {@code cam context test}).
   */
  static String check(String path, Machine machine) {
    if (!machine.isLocal()) {
      if (!path.startsWith("/")) {
        throw new InvalidInputException(
            "remote path '" + path + "' is not absolute: give the full path on " + machine.label());
      }
      return path;
    }
    Path dir = Path.of(path).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "directory " + dir + " does not exist: create it first or give another path");
    }
    return dir.toString();
  }
}
