package dev.cam.platform.monitor;

import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a prompt the adapter found may be answered now. Adapters decide what a prompt is;
 * this gate adds what holds for every tool: a real prompt waits at the bottom of the screen (a
 * numbered list quoted in the tool's output scrolls on), and the same prompt is not answered twice
 * within the cooldown. Not thread-safe: owned by one monitor.
 */
final class ConfirmGate {
  /** Lines allowed below a prompt's last line: key hints, a status bar. */
  static final int MAX_LINES_BELOW = 4;

  private final Duration cooldown;
  private String lastAnswered;
  private Instant answeredAt;

  ConfirmGate(Duration cooldown) {
    this.cooldown = cooldown;
  }

  /** Whether the prompt's last line sits among the bottom lines of the screen. */
  static boolean atBottom(PromptMatch prompt, Screen screen) {
    String anchor = lastLine(prompt.text());
    if (anchor.isEmpty()) {
      return true;
    }
    List<String> lines = screen.lines();
    int below = 0;
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      if (line.contains(anchor)) {
        return true;
      }
      if (!line.isEmpty() && ++below > MAX_LINES_BELOW) {
        return false;
      }
    }
    return false;
  }

  /** Whether the same prompt was answered within the cooldown. */
  boolean coolingDown(PromptMatch prompt, Instant now) {
    return answeredAt != null
        && key(prompt).equals(lastAnswered)
        && Duration.between(answeredAt, now).compareTo(cooldown) < 0;
  }

  void answered(PromptMatch prompt, Instant now) {
    lastAnswered = key(prompt);
    answeredAt = now;
  }

  private static String key(PromptMatch prompt) {
    return prompt.kind() + "\n" + prompt.text();
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\r?\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }
}
