package dev.cam.plugin.tmux.internal;

import dev.cam.api.InvalidInputException;
import dev.cam.api.SessionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tail of {@code new-session}: environment and program, run without a shell. */
public final class SessionCommand {
  private SessionCommand() {}

  /**
   * {@code -e K=V ... -- program args}. tmux runs a one-word command through {@code sh -c}, so a
   * single word is started through {@code env}, which tmux then executes directly. Before tmux 3.2
   * ({@code -e} missing) the environment is given to {@code env} as well.
   */
  public static List<String> program(SessionSpec spec, boolean envFlag) {
    List<String> args = new ArrayList<>();
    List<String> program = new ArrayList<>();
    for (Map.Entry<String, String> variable : spec.env().entrySet()) {
      String assignment = checkVariable(variable.getKey()) + "=" + variable.getValue();
      if (envFlag) {
        args.addAll(List.of("-e", assignment));
      } else {
        program.add(assignment);
      }
    }
    if (!program.isEmpty() || spec.command().size() == 1) {
      program.add(0, "env");
    }
    program.addAll(spec.command());
    args.add("--");
    args.addAll(program);
    return args;
  }

  /** The absolute working directory, which must exist (tmux would silently use another). */
  public static String workingDirectory(String cwd) {
    Path dir = Path.of(cwd == null || cwd.isBlank() ? System.getProperty("user.dir") : cwd);
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "working directory " + dir + " does not exist: create it or give another");
    }
    return dir.toAbsolutePath().normalize().toString();
  }

  private static String checkVariable(String name) {
    if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
      throw new InvalidInputException("environment variable name '" + name + "' is not valid");
    }
    return name;
  }
}
