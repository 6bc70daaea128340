package dev.cam.plugin.ssh.internal;

import dev.cam.api.SessionSpec;
import dev.cam.plugin.tmux.command.SessionCommand;
import dev.cam.plugin.tmux.command.TmuxCommands;
import dev.cam.plugin.tmux.command.TmuxFeatures;
import java.util.List;

/**
 * The shell lines that run tmux on CAM's server on a remote machine. The tmux argument vectors come
 * from transport-tmux's {@link TmuxCommands} (the one place that knows tmux's own syntax); here
 * every word is single-quoted for the remote shell, which an SSH server runs each command through,
 * so the shell passes it to tmux unchanged.
 */
public final class RemoteTmux {
  /** Remote exit code of the working directory check before a session is created. */
  public static final int NO_DIRECTORY = 86;

  private static final int HISTORY_LIMIT = 10_000;
  private final TmuxCommands commands;

  /**
   * @param executable tmux on the remote machine, a name on its PATH or a path
   * @param socket a socket name for {@code -L}, or a path (containing {@code /}) for {@code -S}
   */
  public RemoteTmux(String executable, String socket) {
    this.commands = new TmuxCommands(executable, TmuxCommands.socketArgs(socket));
  }

  /** {@code tmux -L cam args…} as words, for commands a person runs (attach). */
  public List<String> words(List<String> args) {
    return commands.commandLine(args);
  }

  /** The quoted shell line that runs the commands in one tmux invocation. */
  public String line(List<List<String>> tmuxCommands) {
    return ShellQuote.line(commands.invocation(tmuxCommands));
  }

  /** One command. */
  public String line(String... command) {
    return line(List.of(List.of(command)));
  }

  /**
   * Creates a session: a check that the directory exists there (tmux would silently start
   * elsewhere; exit {@link #NO_DIRECTORY} if not), then one tmux invocation.
   */
  public String createLine(SessionSpec spec, String name, TmuxFeatures features) {
    boolean cwd = spec.cwd() != null && !spec.cwd().isBlank();
    String check =
        cwd ? "test -d " + ShellQuote.quote(spec.cwd()) + " || exit " + NO_DIRECTORY + "; " : "";
    return check
        + line(SessionCommand.create(spec, name, cwd ? spec.cwd() : null, features, HISTORY_LIMIT));
  }
}
