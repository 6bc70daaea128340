package dev.cam.plugin.tmux.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a raw terminal byte by byte on a daemon thread and decodes keys: control characters, UTF-8
 * characters, arrow keys, a lone Escape (no byte follows within 30 ms) and bracketed pastes ({@code
 * ESC[200~ … ESC[201~}) as one {@link Key.Kind#PASTE}.
 */
final class Keyboard {
  private static final int EOF = -1;
  private static final long ESCAPE_WAIT_MS = 30;
  private final BlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

  private Keyboard() {}

  static Keyboard start(InputStream in) {
    Keyboard keyboard = new Keyboard();
    Thread reader = new Thread(() -> keyboard.pump(in), "fake-agent-keyboard");
    reader.setDaemon(true);
    reader.start();
    return keyboard;
  }

  private void pump(InputStream in) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          bytes.add(buffer[i] & 0xff);
        }
      }
    } catch (IOException e) {
      // terminal closed
    }
    bytes.add(EOF);
  }

  /** The next key, or {@code null} when none arrives in time; throws when the terminal closed. */
  Key next(long timeoutMillis) throws InterruptedException {
    Integer b = bytes.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    return b == null ? null : decode(b);
  }

  /** Drops every key typed so far (a busy TUI swallows them). */
  void discardPending() {
    bytes.clear();
  }

  private Key decode(int b) throws InterruptedException {
    switch (b) {
      case EOF:
        throw new IllegalStateException("terminal closed");
      case 0x0d:
        return Key.of(Key.Kind.ENTER);
      case 0x0a:
        return Key.of(Key.Kind.NEWLINE);
      case 0x7f:
      case 0x08:
        return Key.of(Key.Kind.BACKSPACE);
      case 0x09:
        return Key.of(Key.Kind.TAB);
      case 0x03:
        return Key.of(Key.Kind.CTRL_C);
      case 0x1b:
        return escape();
      default:
        if (b < 0x20) {
          return new Key(Key.Kind.OTHER, "C-" + (char) (b + 0x60));
        }
        return Key.ch(utf8(b));
    }
  }

  private Key escape() throws InterruptedException {
    Integer next = bytes.poll(ESCAPE_WAIT_MS, TimeUnit.MILLISECONDS);
    if (next == null) {
      return Key.of(Key.Kind.ESCAPE);
    }
    if (next != '[' && next != 'O') {
      return new Key(Key.Kind.OTHER, "M-" + (char) next.intValue());
    }
    StringBuilder params = new StringBuilder();
    int c;
    while ((c = take()) < 0x40 || c > 0x7e) {
      params.append((char) c);
    }
    String sequence = params.toString() + (char) c;
    switch (sequence) {
      case "A":
        return Key.of(Key.Kind.UP);
      case "B":
        return Key.of(Key.Kind.DOWN);
      case "C":
        return Key.of(Key.Kind.RIGHT);
      case "D":
        return Key.of(Key.Kind.LEFT);
      case "200~":
        return new Key(Key.Kind.PASTE, paste());
      default:
        return new Key(Key.Kind.OTHER, "ESC[" + sequence);
    }
  }

  private String paste() throws InterruptedException {
    byte[] end = "\u001b[201~".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < end.length) {
      int c = take();
      if (c == (end[matched] & 0xff)) {
        matched++;
        continue;
      }
      text.write(end, 0, matched);
      matched = c == end[0] ? 1 : 0;
      if (matched == 0) {
        text.write(c);
      }
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  private String utf8(int lead) throws InterruptedException {
    int extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    byte[] encoded = new byte[extra + 1];
    encoded[0] = (byte) lead;
    for (int i = 1; i <= extra; i++) {
      encoded[i] = (byte) take();
    }
    return new String(encoded, StandardCharsets.UTF_8);
  }

  private int take() throws InterruptedException {
    int b = bytes.take();
    if (b == EOF) {
      throw new IllegalStateException("terminal closed");
    }
    return b;
  }
}
