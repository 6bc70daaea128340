package dev.cam.platform.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Screen;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingProbeTest {
  @Test
  void echoAtTheInputPromptMeansIdleAndSwallowedKeysMeanBusy() {
    PendingProbe probe =
        PendingProbe.send(List.of("x"), Screen.of("fix the box\n>\n\n"), Instant.now());

    assertTrue(probe.echoedOn(Screen.of("fix the box\n> x\n\n")));
    assertFalse(probe.echoedOn(Screen.of("fix the box\n>\n\n")));
    assertEquals(List.of("BSpace"), probe.eraseKeys());
  }

  @Test
  void probeTextAlreadyOnScreenIsNotTakenForAnEcho() {
    PendingProbe probe = PendingProbe.send(List.of("x"), Screen.of("box x\n>"), Instant.now());

    assertFalse(probe.echoedOn(Screen.of("box x\n>")));
  }
}
