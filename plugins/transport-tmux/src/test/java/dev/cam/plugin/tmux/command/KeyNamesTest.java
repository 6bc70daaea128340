package dev.cam.plugin.tmux.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyNamesTest {
  @Test
  void namesAreCanonicalAndCaseInsensitive() {
    assertEquals("Enter", KeyNames.canonical("enter"));
    assertEquals("Escape", KeyNames.canonical("Esc"));
    assertEquals("BSpace", KeyNames.canonical("Backspace"));
    assertEquals("C-c", KeyNames.canonical("C-c"));
    assertEquals("C-M-x", KeyNames.canonical("c-m-x"));
    assertEquals("M-Up", KeyNames.canonical("M-up"));
  }

  @Test
  void unknownNamesAreRefusedRatherThanTypedAsText() {
    assertThrows(InvalidInputException.class, () -> KeyNames.canonical("Entr"));
    assertThrows(InvalidInputException.class, () -> KeyNames.canonical("C-foo"));
    assertThrows(InvalidInputException.class, () -> KeyNames.commands("=s:", List.of("")));
  }

  @Test
  void singleCharactersGoAsBytes() {
    assertEquals(
        List.of(
            List.of("send-keys", "-t", "=s:", "-H", "3b"),
            List.of("send-keys", "-t", "=s:", "-H", "f0", "9f", "98", "80"),
            List.of("send-keys", "-t", "=s:", "Enter")),
        KeyNames.commands("=s:", List.of(";", "😀", "Enter")));
  }
}
