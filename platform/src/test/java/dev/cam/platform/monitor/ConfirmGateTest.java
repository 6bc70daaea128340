package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmGateTest {
  private static final PromptMatch PROMPT =
      new PromptMatch("permission", "Allow?\n❯ 1. Yes\n  2. No", List.of("1"));

  @Test
  void promptWithOnlyKeyHintsBelowIsAtTheBottom() {
    Screen screen = Screen.of("output\nAllow?\n❯ 1. Yes\n  2. No\nEsc to cancel\n\n\n");
    assertTrue(ConfirmGate.atBottom(PROMPT, screen));
  }

  @Test
  void numberedListFollowedByMoreOutputIsNotAtTheBottom() {
    Screen screen = Screen.of("Plan:\n❯ 1. Yes\n  2. No\na\nb\nc\nd\ne\n");
    assertFalse(ConfirmGate.atBottom(PROMPT, screen));
  }

  @Test
  void samePromptIsNotAnsweredAgainWithinTheCooldown() {
    ConfirmGate gate = new ConfirmGate(Duration.ofSeconds(2));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Screen screen = Screen.of("Allow?\n❯ 1. Yes\n  2. No\nEsc to cancel");
    gate.answered(PROMPT, screen, t0);

    assertTrue(gate.coolingDown(PROMPT, screen, t0.plusMillis(1999)));
    assertFalse(gate.coolingDown(PROMPT, screen, t0.plusMillis(2000)));
    PromptMatch other = new PromptMatch("trust", "Trust?", List.of("Enter"));
    assertFalse(gate.coolingDown(other, screen, t0.plusMillis(10)), "another prompt");
    Screen again = Screen.of("Allow?\n❯ 1. Yes\n  2. No\nWrote\nAllow?\n❯ 1. Yes\n  2. No");
    assertFalse(gate.coolingDown(PROMPT, again, t0.plusMillis(10)), "asked again further down");
    gate.cleared();
    assertFalse(gate.coolingDown(PROMPT, screen, t0.plusMillis(10)), "the screen moved on");
  }

  @Test
  void samePromptOnTheSameRowAfterTheScreenScrolledIsANewQuestion() {
    ConfirmGate gate = new ConfirmGate(Duration.ofSeconds(2));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    gate.answered(PROMPT, Screen.of("step 1\nAllow?\n❯ 1. Yes\n  2. No"), t0);

    Screen scrolled = Screen.of("step 2\nAllow?\n❯ 1. Yes\n  2. No");

    assertFalse(gate.coolingDown(PROMPT, scrolled, t0.plusMillis(10)));
  }

  @Test
  void answeredPromptWithOutputPrintedBelowItIsStillTheSameQuestion() {
    ConfirmGate gate = new ConfirmGate(Duration.ofSeconds(2));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    gate.answered(PROMPT, Screen.of("step 1\nAllow?\n❯ 1. Yes\n  2. No\n\n"), t0);

    Screen below = Screen.of("step 1\nAllow?\n❯ 1. Yes\n  2. No\n  ⎿  Allowed\n");

    assertTrue(gate.coolingDown(PROMPT, below, t0.plusMillis(10)));
  }

  @Test
  void answeredDialogRedrawnWithTheScreenScrolledUpIsStillTheSameQuestion() {
    ConfirmGate gate = new ConfirmGate(Duration.ofSeconds(2));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    gate.answered(PROMPT, Screen.of("banner\nwarning\n\nAllow?\n❯ 1. Yes\n  2. No\n"), t0);

    Screen redrawn = Screen.of("warning\n\nAllow?\n❯ 1. Yes\n  2. No\n\n");

    assertTrue(gate.coolingDown(PROMPT, redrawn, t0.plusMillis(10)));
  }

  @Test
  void questionStillShowingAfterTwoAnswersWaitsMuchLongerForAThird() {
    ConfirmGate gate = new ConfirmGate(Duration.ofSeconds(2));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Screen screen = Screen.of("Allow?\n❯ 1. Yes\n  2. No");
    gate.answered(PROMPT, screen, t0);
    assertFalse(
        gate.coolingDown(PROMPT, screen, t0.plusSeconds(2)), "one retry after the cooldown");
    gate.answered(PROMPT, screen, t0.plusSeconds(2));

    assertTrue(gate.coolingDown(PROMPT, screen, t0.plusSeconds(10)));
    assertTrue(gate.untilCool(t0.plusSeconds(10)).toSeconds() >= 20);
    assertFalse(gate.coolingDown(PROMPT, screen, t0.plusSeconds(2 + 30)));
    gate.cleared();
    gate.answered(PROMPT, screen, t0.plusSeconds(40));
    assertFalse(gate.coolingDown(PROMPT, screen, t0.plusSeconds(42)), "a new question after it");
  }
}
