package dev.cam.plugin.tmux.testkit;

/**
 * One key (or one bracketed paste) read from the terminal by {@link Keyboard}.
 *
 * @param kind what was pressed
 * @param text the character typed, the pasted text, or a description for {@link Kind#OTHER}
 */
public record Key(Kind kind, String text) {
  /** Kinds of keys the fake agent tells apart. */
  public enum Kind {
    CHAR,
    ENTER,
    NEWLINE,
    ESCAPE,
    BACKSPACE,
    TAB,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    CTRL_C,
    PASTE,
    OTHER
  }

  static Key of(Kind kind) {
    return new Key(kind, "");
  }

  static Key ch(String text) {
    return new Key(Kind.CHAR, text);
  }
}
