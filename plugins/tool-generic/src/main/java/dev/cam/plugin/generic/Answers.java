package dev.cam.plugin.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Computes the keys that answer a prompt from where its menu cursor is: the moves to the wanted
 * option while the cursor is elsewhere, the answer keys once it is on it. Confirming only what the
 * screen shows selected means a dropped arrow key can never turn "yes" into "no, exit".
 */
final class Answers {
  private Answers() {}

  static List<String> of(PromptRule rule, List<String> lines) {
    if (rule.select() == null) {
      return rule.answer();
    }
    int cursor = indexOf(rule.cursor(), lines);
    int target = indexOf(rule.select(), lines);
    if (cursor < 0 || target < 0) {
      return List.of();
    }
    int moves = 0;
    int from = Math.min(cursor, target);
    int to = Math.max(cursor, target);
    for (int i = from + 1; i <= to; i++) {
      if (rule.option().matcher(lines.get(i)).find()) {
        moves++;
      }
    }
    if (moves == 0) {
      return rule.answer();
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < moves; i++) {
      keys.add(target > cursor ? "Down" : "Up");
    }
    return List.copyOf(keys);
  }

  private static int indexOf(Pattern pattern, List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return -1;
  }
}
