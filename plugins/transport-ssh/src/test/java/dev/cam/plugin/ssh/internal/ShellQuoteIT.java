package dev.cam.plugin.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Quoted words reach a program through a real {@code /bin/sh -c} exactly as they were. */
class ShellQuoteIT {
  static final List<String> NASTY =
      List.of(
          "",
          " ",
          "plain",
          "it's",
          "''",
          "'\\''",
          "\"double\" \\\"",
          "$HOME ${PATH} $(id) `id`",
          "a;b && c || d | e & f",
          "> out < in 2>&1",
          "*?[a-z]{x,y}~",
          "#{pane_id} #(touch /tmp/cam-pwned) ##",
          "tab\there",
          "new\nline\r\n",
          "trailing backslash \\",
          "ünïcödé ❯ ⏺ 日本",
          "-n",
          "--",
          ";",
          "\\;",
          "!event !! ^x^y");

  @Test
  void everyWordArrivesUnchangedThroughTheShell() throws Exception {
    List<String> words = new ArrayList<>(List.of("printf", "%s\\0"));
    words.addAll(NASTY);
    Process sh = new ProcessBuilder("/bin/sh", "-c", ShellQuote.line(words)).start();
    String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    sh.waitFor(10, TimeUnit.SECONDS);
    assertEquals(0, sh.exitValue());
    List<String> received = List.of(out.split("\0", -1));
    assertEquals(NASTY, received.subList(0, received.size() - 1));
  }

  @Test
  void quoteWrapsEverythingInSingleQuotes() {
    assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
    assertEquals("''", ShellQuote.quote(""));
    assertEquals("'a' 'b c'", ShellQuote.line(List.of("a", "b c")));
  }

  @Test
  void nulByteIsRefused() {
    assertThrows(InvalidInputException.class, () -> ShellQuote.quote("a\0b"));
  }
}
