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

  /** A question still showing after this many answers is left alone for a long while. */
  static final int ANSWERS_BEFORE_BACKING_OFF = 2;

  /** How many cooldowns a question waits once it was answered that often. */
  static final int BACK_OFF_COOLDOWNS = 15;

  private final Duration cooldown;
  private String answeredPrompt;
  private List<String> answeredAbove;
  private Instant answeredAt;
  private int answers;

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
    answeredPrompt = null;
    answeredAbove = null;
    answers = 0;
  }

  /**
   * Whether this is the prompt answered last, still showing, and must not be answered yet: within
   * the cooldown, or for much longer once it was answered twice (a slow tool that is busy applying
   * the answer must not get more keys meant for the next question).
   */
  boolean coolingDown(PromptMatch prompt, Screen screen, Instant now) {
    if (answeredAt == null || !sameQuestion(prompt, screen)) {
      return false;
    }
    return Duration.between(answeredAt, now).compareTo(waitAfterAnswer()) < 0;
  }

  void answered(PromptMatch prompt, Screen screen, Instant now) {
    answers = answeredAt != null && sameQuestion(prompt, screen) ? answers + 1 : 1;
    answeredPrompt = prompt.kind() + "\n" + prompt.text();
    answeredAbove = above(prompt, screen);
    answeredAt = now;
  }

  /** Time until the cooldown ends, or {@code null} when none runs. */
  Duration untilCool(Instant now) {
    return answeredAt == null ? null : Duration.between(now, answeredAt.plus(waitAfterAnswer()));
  }

  private Duration waitAfterAnswer() {
    return answers >= ANSWERS_BEFORE_BACKING_OFF
        ? cooldown.multipliedBy(BACK_OFF_COOLDOWNS)
        : cooldown;
  }

  /**
   * The prompt answered last, with the same lines above it, or with only lines lost off the top of
   * the screen (a tool redrawing the answered dialog scrolls the screen up). A prompt left on
   * screen after its answer keeps its lines above while the tool prints below it; a new prompt with
   * the same text has other lines above it (output since, or the screen scrolled and the prompt
   * moved down), even when it lands on the same row.
   */
  private boolean sameQuestion(PromptMatch prompt, Screen screen) {
    if (!(prompt.kind() + "\n" + prompt.text()).equals(answeredPrompt)) {
      return false;
    }
    List<String> now = above(prompt, screen);
    int lost = answeredAbove.size() - now.size();
    return lost >= 0 && answeredAbove.subList(lost, answeredAbove.size()).equals(now);
  }

  /** The screen's lines down to the prompt's last line. */
  private static List<String> above(PromptMatch prompt, Screen screen) {
    int index = anchorIndex(lastLine(prompt.text()), screen);
    return index < 0 ? List.of() : List.copyOf(screen.lines().subList(0, index + 1));
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

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\r?\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }
}
