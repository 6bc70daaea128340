package dev.cam.plugin.generic.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bottom of a screen, counted up from its last non-blank line, with trailing spaces removed.
 * Built per read and used by one thread; joined texts are cached because rules share window sizes.
 */
public final class Window {
  private final List<String> lines;
  private final Map<Integer, String> texts = new HashMap<>();

  public Window(List<String> screenLines) {
    int end = screenLines.size();
    while (end > 0 && screenLines.get(end - 1).isBlank()) {
      end--;
    }
    this.lines = screenLines.subList(0, end).stream().map(String::stripTrailing).toList();
  }

  /** The last {@code size} lines (all for 0). */
  public List<String> lines(int size) {
    return size <= 0 || size >= lines.size()
        ? lines
        : lines.subList(lines.size() - size, lines.size());
  }

  /** The last {@code size} lines joined with {@code \n}. */
  public String text(int size) {
    return texts.computeIfAbsent(size, s -> String.join("\n", lines(s)));
  }
}
