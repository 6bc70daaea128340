package dev.cam.plugin.cli;

import dev.cam.api.AgentStatus;
import java.util.regex.Pattern;

/**
 * Colours for people: on only when output goes to a terminal and {@code NO_COLOR} is not set
 * (https://no-color.org), so pipes, files and scripts get plain text.
 */
public final class Style {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
  private static final String RESET = "\u001b[0m";

  private final boolean on;

  Style(boolean on) {
    this.on = on;
  }

  /** Colours when stdout is a terminal and {@code NO_COLOR} is unset or empty. */
  static Style detect(String noColor, boolean terminal) {
    return new Style(terminal && (noColor == null || noColor.isEmpty()));
  }

  public boolean on() {
    return on;
  }

  /** The status's wire name, coloured by what it means: green done, red failed, ... */
  public String status(AgentStatus status) {
    String code =
        switch (status) {
          case COMPLETED -> "32";
          case FAILED, TIMEOUT -> "31";
          case WAITING -> "33";
          case RUNNING, STARTING -> "36";
          case RETRYING -> "35";
          case PENDING, KILLED -> "2";
        };
    return paint(code, status.wireName());
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  public String red(String text) {
    return paint("31", text);
  }

  public String green(String text) {
    return paint("32", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  private String paint(String code, String text) {
    return on && text != null && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
  }

  /** The text without colour codes, e.g. to measure its width. */
  public static String plain(String text) {
    return ANSI.matcher(text).replaceAll("");
  }
}
