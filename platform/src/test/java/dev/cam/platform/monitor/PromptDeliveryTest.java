package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Screen;
import dev.cam.platform.monitor.PromptDelivery.Next;
import org.junit.jupiter.api.Test;

class PromptDeliveryTest {
  private static final String PROMPT = "fix the failing parser test";
  private static final Screen STILL_IN_BOX =
      Screen.of(
          "  >_ Codex\n\n› fix the failing parser test\n\n  model · dir\n  ? for shortcuts\n");
  private static final Screen TAKEN =
      Screen.of(
          "› fix the failing parser test\n\n› Ask Codex to do anything\n\n  model · dir\n"
              + "  ? for shortcuts\n");
  private static final Screen EMPTY_BOX =
      Screen.of("  >_ Codex\n\n› Ask Codex to do anything\n\n  model · dir\n  ? for shortcuts\n");

  @Test
  void promptLeftInTheInputBoxGetsTheEnterAgain() {
    PromptDelivery delivery = new PromptDelivery(PROMPT, false);

    assertEquals(Next.ENTER, delivery.next(STILL_IN_BOX, false));
    assertEquals(1, delivery.retries());
    assertTrue(delivery.pending());
  }

  @Test
  void promptInABoxWithBordersGetsTheEnterAgain() {
    Screen boxed =
        Screen.of("╭──────────────╮\n│ > say hi     │\n╰──────────────╯\n  ? for shortcuts\n");

    assertEquals(Next.ENTER, new PromptDelivery("say hi", false).next(boxed, false));
  }

  @Test
  void aShortPromptInsideAStatusLineIsNotTheInputBox() {
    Screen status = Screen.of("> said\n\n› Ask Codex to do anything\n\n  hint: say hi to it\n");

    assertEquals(Next.NONE, new PromptDelivery("say hi", false).next(status, false));
  }

  @Test
  void promptShownAboveTheInputBoxWasTaken() {
    PromptDelivery delivery = new PromptDelivery(PROMPT, false);

    assertEquals(Next.NONE, delivery.next(TAKEN, false));
    assertFalse(delivery.pending());
  }

  @Test
  void promptShownNowhereAfterADialogIsTypedAgainButNotWithoutOne() {
    assertEquals(Next.RETYPE, new PromptDelivery(PROMPT, false).next(EMPTY_BOX, true));
    assertEquals(Next.NONE, new PromptDelivery(PROMPT, false).next(EMPTY_BOX, false));
  }

  @Test
  void promptWrappedAcrossTwoRowsIsNotTypedAgain() {
    Screen wrapped =
        Screen.of("› please fix the failing par\nser test\n\n› Ask Codex\n\n  ? for shortcuts\n");

    assertEquals(Next.NONE, new PromptDelivery(PROMPT, false).next(wrapped, true));
  }

  @Test
  void retriesAreBoundedThenCamGivesUp() {
    PromptDelivery delivery = new PromptDelivery(PROMPT, false);

    assertEquals(Next.ENTER, delivery.next(STILL_IN_BOX, false));
    assertEquals(Next.ENTER, delivery.next(STILL_IN_BOX, false));
    assertEquals(Next.GIVE_UP, delivery.next(STILL_IN_BOX, false));
    assertEquals(Next.NONE, delivery.next(STILL_IN_BOX, false));
    assertFalse(delivery.pending());
  }

  @Test
  void aDeliveredPromptIsNeverSentAgain() {
    PromptDelivery adopted = new PromptDelivery(PROMPT, true);
    PromptDelivery working = new PromptDelivery(PROMPT, false);
    working.confirmed();

    assertEquals(Next.NONE, adopted.next(STILL_IN_BOX, true));
    assertEquals(Next.NONE, working.next(STILL_IN_BOX, true));
  }

  @Test
  void theMarkerIsTheEndOfTheLastLine() {
    assertEquals(
        "the parser, then run", PromptDelivery.marker("first\n  fix the parser, then run \n"));
    assertEquals("short", PromptDelivery.marker("short"));
  }
}
