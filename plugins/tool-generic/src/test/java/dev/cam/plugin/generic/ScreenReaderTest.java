package dev.cam.plugin.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentState;
import dev.cam.api.Detection;
import dev.cam.api.Screen;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenReaderTest {
  private static final String RULES =
      """
      [launch]
      command = "demo"
      [screen]
      lines = 8
      ready = ['^>\\s*$']
      busy = ['esc to stop']
      [[state]]
      state = "testing"
      match = 'Running tests'
      [[prompt]]
      kind = "permission"
      match = ['Proceed\\?', 'Esc to cancel']
      select = 'Yes, go'
      option = '^\\s*(?:❯\\s*)?\\d+\\.'
      settle_ms = 250
      [[failure]]
      match = 'Not logged in'
      reason = "Demo is not logged in"
      hint = "log in"
      """;
  private final ScreenReader reader =
      new ScreenReader(new RulesLoader().parse("demo", RULES, "demo.toml").screen());

  private Detection read(String... lines) {
    return reader.read(Screen.of(String.join("\n", lines) + "\n\n\n"));
  }

  @Test
  void cursorAboveTheWantedOptionWalksDown() {
    Detection d = read("Proceed?", "❯ 1. No", "  2. Maybe", "  3. Yes, go", "Esc to cancel");
    assertEquals(List.of("Down", "Down"), d.prompt().answer(), "Enter once the cursor is there");
    assertEquals(AgentState.WAITING_PERMISSION, d.state());
    assertFalse(d.ready());
  }

  @Test
  void cursorBelowTheWantedOptionWalksUp() {
    Detection d = read("Proceed?", "  1. Yes, go", "❯ 2. No", "Esc to cancel");
    assertEquals(List.of("Up"), d.prompt().answer());
  }

  @Test
  void cursorOnTheWantedOptionJustConfirms() {
    Detection d = read("Proceed?", "❯ 1. Yes, go", "  2. No", "Esc to cancel");
    assertEquals(List.of("Enter"), d.prompt().answer());
    assertEquals(Duration.ofMillis(250), d.prompt().settle(), "settle_ms is carried to CAM");
  }

  @Test
  void promptWithoutAVisibleCursorIsLeftToAPerson() {
    Detection d = read("Proceed?", "  1. Yes, go", "  2. No", "Esc to cancel");
    assertTrue(d.prompt() != null && !d.prompt().answerable());
  }

  @Test
  void numberedListAboveTheBottomIsNotAPrompt() {
    Detection d =
        read(
            "Proceed? Here is the plan:",
            "❯ 1. Yes, go",
            "  2. No",
            "Esc to cancel",
            "done.",
            "more output",
            "and more",
            "and more",
            "and more",
            "> ");
    assertNull(d.prompt(), "the list scrolled out of the rule's window");
    assertTrue(d.ready());
    assertEquals(AgentState.IDLE, d.state());
  }

  @Test
  void busyHidesReadyAndStateRulesSayWhatItDoes() {
    Detection d = read("Running tests in 3 files", "(esc to stop)", "> ");
    assertTrue(d.busy());
    assertFalse(d.ready());
    assertEquals(AgentState.TESTING, d.state());
    assertEquals(AgentState.THINKING, read("(esc to stop)").state(), "busy_state by default");
  }

  @Test
  void failureWinsAndCarriesItsHint() {
    Detection d = read("Not logged in", "> ");
    assertEquals("Demo is not logged in: log in", d.failure().message());
    assertFalse(d.ready());
  }

  @Test
  void emptyScreenSaysNothing() {
    Detection d = reader.read(Screen.of(""));
    assertEquals(AgentState.UNKNOWN, d.state());
    assertFalse(d.ready() || d.busy() || d.completed());
  }
}
