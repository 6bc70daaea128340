package dev.cam.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A named place where agents work: a directory on a machine, with tags.
 *
 * @param name unique name: letters, digits, {@code . _ -}, starting with a letter or digit
 * @param path absolute directory path on {@code machine}
 * @param machine where the directory is
 * @param tags free-form labels, copied
 */
public record Context(String name, String path, Machine machine, List<String> tags) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public Context {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "context name '"
              + name
              + "' is not valid: use up to 64 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    if (path == null || !path.startsWith("/")) {
      throw new InvalidInputException(
          "context path '" + path + "' is not absolute: give a path starting with '/'");
    }
    machine = machine == null ? Machine.LOCAL : machine;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
