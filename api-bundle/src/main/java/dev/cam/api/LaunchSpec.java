package dev.cam.api;

import java.util.List;
import java.util.Map;

/**
 * How to start a tool in a session.
 *
 * @param command program and arguments, copied; never run through a shell by CAM itself
 * @param env environment added to the session, copied
 * @param promptOnCommandLine true when {@code command} already carries the prompt; false when the
 *     monitor types it once the tool is ready
 */
public record LaunchSpec(
    List<String> command, Map<String, String> env, boolean promptOnCommandLine) {
  public LaunchSpec {
    if (command == null || command.isEmpty()) {
      throw new IllegalArgumentException("launch command is empty");
    }
    command = List.copyOf(command);
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
