package dev.cam.plugin.ssh.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the shell command lines that run tmux on CAM's server on a remote machine. Every word is
 * single-quoted, so the remote shell passes it to tmux unchanged; several tmux commands in one
 * invocation are separated by a quoted {@code ;}, which tmux (not the shell) reads as the end of a
 * command.
 */
public final class RemoteTmux {
  private final String executable;
  private final List<String> socketArgs;

  /**
   * @param executable tmux on the remote machine, a name on its PATH or a path
   * @param socket a socket name for {@code -L}, or a path (containing {@code /}) for {@code -S}
   */
  public RemoteTmux(String executable, String socket) {
    this.executable = executable;
    this.socketArgs = socket.contains("/") ? List.of("-S", socket) : List.of("-L", socket);
  }

  /** {@code tmux -L cam args…} as words, for commands a person runs (attach). */
  public List<String> words(List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(executable);
    line.addAll(socketArgs);
    line.addAll(args);
    return line;
  }

  /** The quoted shell line that runs the commands in one tmux invocation. */
  public String line(List<List<String>> commands) {
    List<String> args = new ArrayList<>();
    for (List<String> command : commands) {
      if (!args.isEmpty()) {
        args.add(";");
      }
      command.forEach(arg -> args.add(protect(arg)));
    }
    return ShellQuote.line(words(args));
  }

  /** One command. */
  public String line(String... command) {
    return line(List.of(List.of(command)));
  }

  /**
   * tmux reads an argument ending in {@code ;} as the end of a command, and one ending in {@code
   * \;} as a literal semicolon; escaping the last semicolon keeps any text literal.
   */
  static String protect(String arg) {
    return arg.endsWith(";") ? arg.substring(0, arg.length() - 1) + "\\;" : arg;
  }
}
