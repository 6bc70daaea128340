package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputsTest {
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void changesAreThrottledAndTheLastOneStillGoesOut() {
    Outputs outputs = new Outputs(Duration.ofSeconds(1), 2);
    outputs.changed();
    assertEquals(List.of("b", "c"), outputs.due(Screen.of("a\nb\nc\n\n"), t0));

    outputs.changed();
    assertNull(outputs.due(Screen.of("a\nb\nd"), t0.plusMillis(100)));
    assertEquals(Duration.ofMillis(900), outputs.untilDue(t0.plusMillis(100)));
    assertEquals(List.of("b", "d"), outputs.due(Screen.of("a\nb\nd"), t0.plusMillis(1000)));
    assertNull(outputs.untilDue(t0.plusMillis(1000)));
  }
}
