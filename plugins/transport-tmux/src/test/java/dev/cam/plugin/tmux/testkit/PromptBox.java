package dev.cam.plugin.tmux.testkit;

/**
 * The idle prompt: a box with {@code ❯} that echoes typed characters (this is what a probe key
 * shows), takes pastes whole, and submits on Enter. On submit the box is erased and the prompt is
 * printed as {@code > text}, so only one box is ever on screen.
 */
final class PromptBox {
  /** Something drawn over the box once text was typed into it, such as a late start-up dialog. */
  interface Cover {
    /** Shows itself, takes keys until it is done, clears the screen; true keeps the typed text. */
    boolean show() throws InterruptedException;
  }

  /**
   * A pause in typing this long ends the text that goes into the box before it is covered (keys are
   * decoded byte by byte on another thread, which a loaded machine may hold up for a few ms).
   */
  private static final long TYPING_PAUSE_MS = 40;

  private final Tty tty;
  private final Keyboard keys;
  private final int width;
  private Cover cover;

  PromptBox(Tty tty, Keyboard keys) {
    this(tty, keys, null);
  }

  /** A box that {@code cover} covers once, as soon as the first burst of typed text is in. */
  PromptBox(Tty tty, Keyboard keys, Cover cover) {
    this.tty = tty;
    this.keys = keys;
    this.width = Math.max(20, Math.min(Tty.columns(), 100));
    this.cover = cover;
  }

  /** Waits for a prompt; returns {@code null} when the person pressed Ctrl-C. */
  String read() throws InterruptedException {
    frame();
    StringBuilder input = new StringBuilder();
    draw(input);
    while (true) {
      boolean coverDue = cover != null && input.length() > 0;
      Key key = keys.next(coverDue ? TYPING_PAUSE_MS : 60_000);
      if (key == null) {
        if (coverDue) {
          uncover(input);
        }
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

  private void frame() {
    String bar = "─".repeat(width - 2);
    tty.print("╭" + bar + "╮\n\n╰" + bar + "╯\n\u001b[2A");
  }

  private void uncover(StringBuilder input) throws InterruptedException {
    boolean keep = cover.show();
    cover = null;
    if (!keep) {
      input.setLength(0);
    }
    frame();
    draw(input);
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
