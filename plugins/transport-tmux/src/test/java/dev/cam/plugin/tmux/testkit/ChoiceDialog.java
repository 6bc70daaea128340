package dev.cam.plugin.tmux.testkit;

import java.time.Duration;
import java.util.List;

/**
 * A numbered yes/no dialog like the agents' trust and permission prompts: {@code 1} or Enter on the
 * first option means yes, {@code 2} or Escape means no; Up and Down move the {@code ❯}. It can be
 * drawn in two steps (the cursor comes a moment after the options, as a real TUI's frames do) and
 * can ignore its first keys (a tool that drops an answer).
 */
final class ChoiceDialog {
  private final Tty tty;
  private final Keyboard keys;
  private final Duration cursorAfter;
  private int ignore;

  ChoiceDialog(Tty tty, Keyboard keys) {
    this(tty, keys, Duration.ZERO, 0);
  }

  /**
   * @param cursorAfter how long the options are shown without the {@code ❯} first
   * @param ignore how many keys to drop before listening
   */
  ChoiceDialog(Tty tty, Keyboard keys, Duration cursorAfter, int ignore) {
    this.tty = tty;
    this.keys = keys;
    this.cursorAfter = cursorAfter;
    this.ignore = ignore;
  }

  /** Shows the lines, then the options, and waits; true for the first option. */
  boolean ask(List<String> lines, String yes, String no, String footer)
      throws InterruptedException {
    lines.forEach(tty::println);
    int selected = 0;
    drawOptions(yes, no, cursorAfter.isZero() ? selected : -1, false);
    tty.println("");
    tty.println(footer);
    tty.print("\u001b[4A");
    if (!cursorAfter.isZero()) {
      Thread.sleep(cursorAfter.toMillis());
      drawOptions(yes, no, selected, true);
    }
    while (true) {
      Key key = keys.next(60_000);
      if (key == null) {
        continue;
      }
      if (ignore > 0) {
        ignore--;
        continue;
      }
      switch (key.kind()) {
        case ENTER -> {
          return finish(selected == 0);
        }
        case ESCAPE, CTRL_C -> {
          return finish(false);
        }
        case UP, DOWN -> {
          selected = key.kind() == Key.Kind.UP ? 0 : 1;
          drawOptions(yes, no, selected, true);
        }
        case CHAR -> {
          if (key.text().equals("1") || key.text().equals("2")) {
            return finish(key.text().equals("1"));
          }
        }
        default -> {
          // other keys are ignored, as the real dialogs do
        }
      }
    }
  }

  private void drawOptions(String yes, String no, int selected, boolean redraw) {
    tty.print("\r\u001b[2K " + (selected == 0 ? "❯" : " ") + " 1. " + yes + "\n");
    tty.print("\r\u001b[2K " + (selected == 1 ? "❯" : " ") + " 2. " + no + "\n");
    if (redraw) {
      tty.print("\u001b[2A");
    }
  }

  private boolean finish(boolean answer) {
    tty.print("\u001b[4B\r\n");
    return answer;
  }
}
