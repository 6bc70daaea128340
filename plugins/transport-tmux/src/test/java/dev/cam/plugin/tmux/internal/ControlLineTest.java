package dev.cam.plugin.tmux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlLineTest {
  @Test
  void everyWordIsSingleQuotedSoNothingIsExpanded() {
    assertEquals(
        "'display-message' '-p' '-t' '=cam-a:' '#{pane_width} $HOME ~ ;'\n",
        ControlLine.of(
            List.of("display-message", "-p", "-t", "=cam-a:", "#{pane_width} $HOME ~ ;")));
  }

  @Test
  void wordsThatCannotBeQuotedOnOneLineAreRefused() {
    for (String word :
        List.of("it's", "back\\slash", "two\nlines", "tab\there", "héllo", "\u001b")) {
      assertNull(ControlLine.of(List.of("send-keys", word)), word);
    }
  }
}
