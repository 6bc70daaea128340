package dev.cam.api;

import java.io.PrintWriter;
import java.util.List;

/**
 * Extension point: the command line. The launcher hands {@code cam}'s arguments to the one {@code
 * Cli} extension it finds.
 *
 * <p>The launcher reads a few things from the arguments before the command line parses them (which
 * command it is, to prepare what that command needs); {@link #commandWord} is the one reading both
 * sides share, so they agree on which word names the command.
 *
 * <p>Threading: called once, on the main thread.
 */
public interface Cli {
  /**
   * Runs one command.
   *
   * @return the process exit code (0 ok, 1 failure, 2 usage, 3 not found, 4 agent failed)
   */
  int execute(List<String> args, PrintWriter out, PrintWriter err);

  /**
   * The command's name in {@code cam}'s arguments: the first argument that is neither an option nor
   * the value of a global option ({@code --config}, {@code --data-dir}, {@code --server}, {@code
   * --token}); null when there is none before a {@code --}.
   */
  static String commandWord(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        return null;
      }
      if (isGlobalOptionWithValue(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  /** Whether {@code arg} is a global option followed by its value, which is not the command. */
  static boolean isGlobalOptionWithValue(String arg) {
    return switch (arg) {
      case "--config", "--data-dir", "--server", "--token" -> true;
      default -> false;
    };
  }
}
