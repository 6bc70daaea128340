package dev.cam.plugin.tmux.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument lists that run tmux commands on one tmux server: the one place that knows how tmux
 * reads its arguments. Several commands in one invocation are separated by a {@code ;} word; an
 * argument that itself ends in {@code ;} is escaped so tmux keeps it literal. The result is an
 * argument vector (no shell involved); a transport that must go through a shell quotes each word.
 *
 * <p>Immutable and thread-safe.
 */
public final class TmuxCommands {
  private final String executable;
  private final List<String> socketArgs;

  /**
   * @param executable the tmux program, a name on PATH or a path
   * @param socketArgs the global options that select the server, e.g. {@code -L cam}
   */
  public TmuxCommands(String executable, List<String> socketArgs) {
    this.executable = executable;
    this.socketArgs = List.copyOf(socketArgs);
  }

  /** {@code -L name} for a plain socket name, {@code -S path} for a value with a {@code /}. */
  public static List<String> socketArgs(String socket) {
    return socket.contains("/") ? List.of("-S", socket) : List.of("-L", socket);
  }

  /** {@code tmux -L cam args…} with the arguments unchanged, e.g. for a person's attach. */
  public List<String> commandLine(List<String> args) {
    List<String> line = new ArrayList<>(2 + socketArgs.size() + args.size());
    line.add(executable);
    line.addAll(socketArgs);
    line.addAll(args);
    return line;
  }

  /** One invocation running the commands in order, each argument kept literal. */
  public List<String> invocation(List<List<String>> commands) {
    List<String> args = new ArrayList<>();
    for (List<String> command : commands) {
      if (!args.isEmpty()) {
        args.add(";");
      }
      command.forEach(arg -> args.add(protect(arg)));
    }
    return commandLine(args);
  }

  /** One invocation of one command. */
  public List<String> invocation(String... command) {
    return invocation(List.of(List.of(command)));
  }

  /**
   * tmux reads an argument ending in {@code ;} as the end of a command, and one ending in {@code
   * \;} as a literal semicolon; escaping the last semicolon keeps any text literal.
   */
  static String protect(String arg) {
    return arg.endsWith(";") ? arg.substring(0, arg.length() - 1) + "\\;" : arg;
  }
}
