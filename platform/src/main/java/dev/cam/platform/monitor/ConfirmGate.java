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
    int index = anchorIndex(anchor, screen);
    if (index < 0) {
      return false;
    }
    List<String> lines = screen.lines();
    long below = lines.subList(index + 1, lines.size()).stream().filter(l -> !l.isBlank()).count();
    return below <= MAX_LINES_BELOW;
  }

  /**
   * The screen moved on from the answered prompt (it is gone, or the tool is busy or ready again),
   * so the next one, even with the same text, is a new question.
   */
  void cleared() {
    answeredAt = null;
    lastAnswered = null;
  }

  /**
   * Whether this is the prompt answered last, still showing as it was, within the cooldown. The
   * same text with other lines above it is a new question.
   */
  boolean coolingDown(PromptMatch prompt, Screen screen, Instant now) {
    return answeredAt != null
        && key(prompt, screen).equals(lastAnswered)
        && Duration.between(answeredAt, now).compareTo(cooldown) < 0;
  }

  void answered(PromptMatch prompt, Screen screen, Instant now) {
    lastAnswered = key(prompt, screen);
    answeredAt = now;
  }

  /** Time until the cooldown ends, or {@code null} when none runs. */
  Duration untilCool(Instant now) {
    return answeredAt == null ? null : Duration.between(now, answeredAt.plus(cooldown));
  }

  private static int anchorIndex(String anchor, Screen screen) {
    List<String> lines = screen.lines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).strip().contains(anchor)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The prompt with everything above it. A prompt left on screen after its answer keeps this key
   * while the tool prints below it; a new prompt with the same text has different lines above it
   * (the screen scrolled, or it sits further down), even when it lands on the same row.
   */
  private static String key(PromptMatch prompt, Screen screen) {
    int index = anchorIndex(lastLine(prompt.text()), screen);
    List<String> above = index < 0 ? List.of() : screen.lines().subList(0, index + 1);
    return prompt.kind() + "\n" + prompt.text() + "\n" + String.join("\n", above);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\r?\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }
}
