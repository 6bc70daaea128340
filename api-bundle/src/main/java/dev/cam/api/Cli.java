package dev.cam.api;

import java.io.PrintWriter;
import java.util.List;

/**
 * Extension point: the command line. The launcher hands {@code cam}'s arguments to the one {@code
 * Cli} extension it finds.
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
}
