package dev.cam.plugin.tmux.command;

import dev.cam.api.InvalidInputException;
import dev.cam.api.SessionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The commands that create a session: size, directory, environment, program, pane options. The same
 * for every transport; only the directory check differs (a local one is checked here, a remote one
 * where it lives).
 */
public final class SessionCommand {
  private SessionCommand() {}

  /**
   * One invocation: scrollback for new panes, the session, and its pane kept after the program
   * exits so its last screen stays readable.
   *
   * @param cwd the session's working directory, or {@code null} for tmux's default
   */
  public static List<List<String>> create(
      SessionSpec spec, String name, String cwd, TmuxFeatures features, int historyLimit) {
    List<String> session =
        new ArrayList<>(
            List.of(
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                String.valueOf(spec.width()),
                "-y",
                String.valueOf(spec.height())));
    if (cwd != null) {
      // tmux expands formats in -c, and #(...) would run a command: ## is a plain #.
      session.addAll(List.of("-c", cwd.replace("#", "##")));
    }
    session.addAll(program(spec, features.envFlag()));
    String pane = "=" + name + ":";
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("set-option", "-g", "history-limit", String.valueOf(historyLimit)));
    commands.add(session);
    commands.add(List.of("set-option", "-p", "-t", pane, "remain-on-exit", "on"));
    if (features.remainOnExitFormat()) {
      commands.add(List.of("set-option", "-p", "-t", pane, "remain-on-exit-format", ""));
    }
    return commands;
  }

  /**
   * {@code -e K=V ... -- program args}. tmux runs a one-word command through {@code sh -c}, so a
   * single word is started through {@code env}, which tmux then executes directly. Before tmux 3.2
   * ({@code -e} missing) the environment is given to {@code env} as well.
   */
  static List<String> program(SessionSpec spec, boolean envFlag) {
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

  /**
   * The absolute working directory on this machine, which must exist (tmux would silently use
   * another); CAM's own directory when none is given.
   */
  public static String localDirectory(String cwd) {
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
