package dev.cam.api;

import java.util.List;
import java.util.Map;

/**
 * A session to create.
 *
 * @param name session name, unique on its machine
 * @param machine where to create it
 * @param cwd working directory
 * @param command program and arguments, copied
 * @param env environment added to the program's, copied
 * @param width columns
 * @param height rows
 */
public record SessionSpec(
    String name,
    Machine machine,
    String cwd,
    List<String> command,
    Map<String, String> env,
    int width,
    int height) {
  public SessionSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("session name is required");
    }
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("session command is empty");
    }
    if (width < 20 || height < 5) {
      throw new InvalidInputException("window size " + width + "x" + height + " is too small");
    }
    machine = machine == null ? Machine.LOCAL : machine;
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
