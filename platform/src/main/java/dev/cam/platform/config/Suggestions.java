package dev.cam.platform.config;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean" hints for mistyped keys. */
final class Suggestions {
  private Suggestions() {}

  /**
   * A hint naming the closest candidate (at most 3 edits away), or listing the candidates when none
   * is close; empty when there are none.
   */
  static String hint(String given, Collection<String> candidates) {
    if (candidates.isEmpty()) {
      return "";
    }
    String best =
        candidates.stream().min(Comparator.comparingInt(c -> distance(given, c))).orElseThrow();
    if (distance(given, best) <= 3) {
      return "; did you mean '" + best + "'?";
    }
    return "; known: " + String.join(", ", candidates);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
