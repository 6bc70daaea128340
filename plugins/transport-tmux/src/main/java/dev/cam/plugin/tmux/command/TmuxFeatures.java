package dev.cam.plugin.tmux.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Features that depend on the tmux version.
 *
 * @param envFlag {@code new-session -e} (tmux 3.2)
 * @param remainOnExitFormat the {@code remain-on-exit-format} option (tmux 3.3); set empty, a dead
 *     pane keeps its screen as the program left it instead of scrolling up to show a message
 */
public record TmuxFeatures(boolean envFlag, boolean remainOnExitFormat) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  /** What a tmux of this version ({@code tmux -V} without the {@code tmux }) can do. */
  public static TmuxFeatures of(String version) {
    return new TmuxFeatures(atLeast(version, 3, 2), atLeast(version, 3, 3));
  }

  /** {@code tmux -V}'s output without its {@code tmux } prefix, e.g. {@code 3.3a}. */
  public static String version(String output) {
    String text = output.strip();
    return text.startsWith("tmux ") ? text.substring(5) : text;
  }

  /** Whether the version is at least {@code major.minor}; development builds always are. */
  public static boolean atLeast(String version, int major, int minor) {
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return true; // "master", "next-…": a development build, newer than any release
    }
    int actualMajor = Integer.parseInt(m.group(1));
    return actualMajor > major || (actualMajor == major && Integer.parseInt(m.group(2)) >= minor);
  }
}
