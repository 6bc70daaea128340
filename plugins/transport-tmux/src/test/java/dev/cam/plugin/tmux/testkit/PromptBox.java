package dev.cam.plugin.tmux.testkit;

/**
 * The idle prompt: a box with {@code ❯} that echoes typed characters (this is what a probe key
 * shows), takes pastes whole, and submits on Enter. On submit the box is erased and the prompt is
 * printed as {@code > text}, so only one box is ever on screen.
 */
final class PromptBox {
  private final Tty tty;
  private final Keyboard keys;
  private final int width;

  PromptBox(Tty tty, Keyboard keys) {
    this.tty = tty;
    this.keys = keys;
    this.width = Math.max(20, Math.min(Tty.columns(), 100));
  }

  /** Waits for a prompt; returns {@code null} when the person pressed Ctrl-C. */
  String read() throws InterruptedException {
    String bar = "─".repeat(width - 2);
    tty.print("╭" + bar + "╮\n\n╰" + bar + "╯\n\u001b[2A");
    StringBuilder input = new StringBuilder();
    draw(input);
    while (true) {
      Key key = keys.next(60_000);
      if (key == null) {
        continue;
      }
      switch (key.kind()) {
        case CHAR, PASTE -> input.append(key.text());
        case NEWLINE -> input.append('\n');
        case BACKSPACE -> {
          if (input.length() > 0) {
            input.setLength(input.offsetByCodePoints(input.length(), -1));
          }
        }
        case CTRL_C -> {
          return null;
        }
        case ENTER -> {
          if (input.length() > 0) {
            tty.print("\u001b[1A\r\u001b[J> " + shown(input.toString(), width * 3) + "\n");
            return input.toString();
          }
        }
        default -> {
          // arrows, Tab, Escape: nothing to do in the fake prompt
        }
      }
      draw(input);
    }
  }

  private void draw(CharSequence input) {
    String text = shown(input.toString(), width - 6);
    int pad = Math.max(0, width - 5 - text.codePointCount(0, text.length()));
    tty.print("\r\u001b[2K│ ❯ " + text + " ".repeat(pad) + "│\u001b[" + (5 + text.length()) + "G");
  }

  /** The tail that fits, line breaks shown as {@code ⏎}. */
  private static String shown(String text, int room) {
    String flat = text.replace('\n', '⏎').replace('\r', '⏎');
    int count = flat.codePointCount(0, flat.length());
    return count <= room ? flat : flat.substring(flat.offsetByCodePoints(0, count - room));
  }
}
