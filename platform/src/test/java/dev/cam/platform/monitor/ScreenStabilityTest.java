package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Screen;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScreenStabilityTest {
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void stabilityRestartsWhenTheScreenChanges() {
    ScreenStability stability = new ScreenStability();
    assertTrue(stability.update(Screen.of("a"), t0));
    assertFalse(stability.update(Screen.of("a"), t0.plusMillis(500)));
    assertTrue(stability.stable(Duration.ofMillis(500), t0.plusMillis(500)));

    assertTrue(stability.update(Screen.of("b"), t0.plusMillis(600)));

    assertFalse(stability.stable(Duration.ofMillis(500), t0.plusMillis(700)));
    assertEquals(
        Duration.ofMillis(400), stability.until(Duration.ofMillis(500), t0.plusMillis(700)));
  }

  @Test
  void nothingIsStableBeforeTheFirstCapture() {
    assertFalse(new ScreenStability().stable(Duration.ZERO, t0));
  }
}
