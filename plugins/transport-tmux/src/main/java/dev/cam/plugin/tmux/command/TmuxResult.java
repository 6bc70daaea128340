package dev.cam.plugin.tmux.command;

import java.util.List;
import java.util.Locale;

/**
 * What one tmux client invocation returned.
 *
 * @param exitCode the client's exit code
 * @param stdout standard output, UTF-8
 * @param stderr standard error, UTF-8
 */
public record TmuxResult(int exitCode, String stdout, String stderr) {
  private static final List<String> GONE =
      List.of(
          "no server running",
          // The server exits with its last session, maybe while a client is talking to it.
          "server exited unexpectedly",
          "error connecting to",
          "can't find session",
          "can't find window",
          "can't find pane",
          "session not found");

  public boolean ok() {
    return exitCode == 0;
  }

  /** Whether tmux failed because the target session (or the whole server) does not exist. */
  public boolean sessionGone() {
    String error = stderr.toLowerCase(Locale.ROOT);
    return !ok() && GONE.stream().anyMatch(error::contains);
  }

  /** Output lines, without the final newline. */
  public List<String> lines() {
    if (stdout.isEmpty()) {
      return List.of();
    }
    String text = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
    return List.of(text.split("\n", -1));
  }

  /** The first line of the error, for messages. */
  public String error() {
    String text = stderr.isBlank() ? "exit code " + exitCode : stderr.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
