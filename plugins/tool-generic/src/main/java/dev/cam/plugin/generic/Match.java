package dev.cam.plugin.generic;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A test over the bottom of a screen: every {@code all} pattern finds a match and no {@code none}
 * pattern does, within the last {@code lines} lines (counted up from the last non-blank line; 0 for
 * the whole screen). Patterns are compiled with {@link Pattern#MULTILINE}, so {@code ^} and {@code
 * $} anchor at line ends. Immutable and thread-safe.
 *
 * @param all patterns that must all be found
 * @param none patterns that must not be found
 * @param lines size of the window, 0 for the whole screen
 */
public record Match(List<Pattern> all, List<Pattern> none, int lines) {
  public Match {
    all = List.copyOf(all);
    none = List.copyOf(none);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("a match needs at least one pattern");
    }
    if (lines < 0) {
      throw new IllegalArgumentException("lines must be 0 or more");
    }
  }

  /** True when this window of text passes the test. */
  public boolean test(String window) {
    for (Pattern p : all) {
      if (!p.matcher(window).find()) {
        return false;
      }
    }
    for (Pattern p : none) {
      if (p.matcher(window).find()) {
        return false;
      }
    }
    return true;
  }
}
