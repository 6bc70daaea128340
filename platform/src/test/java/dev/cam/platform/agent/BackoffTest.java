package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void waitsGrowByTheMultiplierUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 2);

    assertEquals(Duration.ofSeconds(10), backoff.delay(1));
    assertEquals(Duration.ofSeconds(20), backoff.delay(2));
    assertEquals(Duration.ofSeconds(40), backoff.delay(3));
    assertEquals(Duration.ofSeconds(60), backoff.delay(4));
    assertEquals(Duration.ofSeconds(60), backoff.delay(30));
  }

  @Test
  void shrinkingBackoffIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 0.5));
  }
}
