package dev.cam.plugin.tmux.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a command as one line for a control-mode client, which tmux parses like a line of its
 * configuration. Every argument is single-quoted, where tmux expands nothing ({@code $}, {@code ~},
 * {@code ;} and {@code #} stay literal). An argument that can't be written that way (a quote, a
 * line break, a control or non-ASCII character) makes the whole command unsuitable: the caller runs
 * it in a process instead, where arguments never pass through a parser.
 */
final class ControlLine {
  private static final Pattern SAFE = Pattern.compile("[\\x20-\\x7e&&[^'\\\\]]*");

  private ControlLine() {}

  /** The line (with its newline), or {@code null} when an argument is not safe to write. */
  static String of(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String arg : command) {
      if (!SAFE.matcher(arg).matches()) {
        return null;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append('\'').append(arg).append('\'');
    }
    return line.append('\n').toString();
  }
}
