package dev.cam.plugin.ssh.internal;

import dev.cam.api.InvalidInputException;
import dev.cam.api.SessionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tmux commands that create a session on a remote machine: scrollback, the session (size,
 * directory, program with its environment), and its pane kept after the program exits so its last
 * screen stays readable.
 */
public final class NewSession {
  /** Remote exit code of the directory check. */
  public static final int NO_DIRECTORY = 86;

  private static final int HISTORY_LIMIT = 10_000;

  private NewSession() {}

  /**
   * The shell line: a check that the directory exists (tmux would silently start elsewhere), then
   * one tmux invocation.
   *
   * @param onExitFormat whether the remote tmux has {@code remain-on-exit-format} (3.3)
   */
  public static String line(RemoteTmux tmux, SessionSpec spec, String name, boolean onExitFormat) {
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
    boolean cwd = spec.cwd() != null && !spec.cwd().isBlank();
    if (cwd) {
      // tmux expands formats in -c, and #(...) would run a command: ## is a plain #.
      session.addAll(List.of("-c", spec.cwd().replace("#", "##")));
    }
    session.addAll(program(spec));
    String pane = "=" + name + ":";
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("set-option", "-g", "history-limit", String.valueOf(HISTORY_LIMIT)));
    commands.add(session);
    commands.add(List.of("set-option", "-p", "-t", pane, "remain-on-exit", "on"));
    if (onExitFormat) {
      commands.add(List.of("set-option", "-p", "-t", pane, "remain-on-exit-format", ""));
    }
    String check =
        cwd ? "test -d " + ShellQuote.quote(spec.cwd()) + " || exit " + NO_DIRECTORY + "; " : "";
    return check + tmux.line(commands);
  }

  /**
   * {@code -- env K=V ... program args}: the environment goes through {@code env}, which works with
   * every tmux version; tmux runs a one-word command through {@code sh -c}, so a single word is
   * started through {@code env} as well.
   */
  static List<String> program(SessionSpec spec) {
    List<String> program = new ArrayList<>();
    for (Map.Entry<String, String> variable : spec.env().entrySet()) {
      String key = variable.getKey();
      if (key.isEmpty() || key.contains("=")) {
        throw new InvalidInputException("environment variable name '" + key + "' is not valid");
      }
      program.add(key + "=" + variable.getValue());
    }
    if (!program.isEmpty() || spec.command().size() == 1) {
      program.add(0, "env");
    }
    program.addAll(spec.command());
    List<String> args = new ArrayList<>();
    args.add("--");
    args.addAll(program);
    return args;
  }
}
