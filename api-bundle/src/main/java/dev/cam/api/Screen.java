package dev.cam.api;

import java.time.Instant;
import java.util.List;

/**
 * What a session shows: its visible lines (and scrollback above them when asked for).
 *
 * @param lines lines top to bottom, trailing blanks kept as empty strings, copied
 * @param width columns of the pane
 * @param height rows of the visible pane
 * @param capturedAt when it was captured
 */
public record Screen(List<String> lines, int width, int height, Instant capturedAt) {
  public Screen {
    lines = List.copyOf(lines);
  }

  /** A screen from text, split on newlines; for tests and {@code cam tools check}. */
  public static Screen of(String text) {
    List<String> lines = List.of(text.split("\r?\n", -1));
    int width = lines.stream().mapToInt(String::length).max().orElse(0);
    return new Screen(lines, width, lines.size(), Instant.now());
  }

  /** All lines joined with {@code \n}. */
  public String text() {
    return String.join("\n", lines);
  }

  /** The last line that is not blank, or {@code ""}. */
  public String lastNonBlankLine() {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }
}
