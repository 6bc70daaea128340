package dev.cam.plugin.tmux.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeScriptTest {
  @Test
  void stepsSkipCommentsAndBlankLines() {
    List<FakeScript.Step> steps =
        FakeScript.parse(List.of("# a comment", "", "  busy 2s Editing files ", "ready"));
    assertEquals(
        List.of(new FakeScript.Step("busy", "2s Editing files"), new FakeScript.Step("ready", "")),
        steps);
    assertEquals("Editing files", steps.get(0).split()[1]);
  }

  @Test
  void unknownStepIsReportedWithItsLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FakeScript.parse(List.of("ready", "dance")));
    assertEquals(true, e.getMessage().startsWith("line 2: unknown step 'dance'"));
  }

  @Test
  void durationsTakeUnits() {
    assertEquals(Duration.ofMillis(250), FakeScript.duration("250ms"));
    assertEquals(Duration.ofSeconds(2), FakeScript.duration("2s"));
    assertEquals(Duration.ofMillis(1500), FakeScript.duration("1.5"));
  }

  @Test
  void journalEscapingRoundTrips() {
    String text = "a\\b\nc\rd\te \\n";
    assertEquals(text, Journal.unescape(Journal.escape(text)));
    assertEquals(-1, Journal.escape(text).indexOf('\n'));
  }
}
