package dev.cam.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void acceptsPlainSecondsAndEveryUnit() {
    assertEquals(Duration.ofSeconds(30), Durations.parse("30"));
    assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
    assertEquals(Duration.ofMinutes(5), Durations.parse("5m"));
    assertEquals(Duration.ofHours(2), Durations.parse("2h"));
    assertEquals(Duration.ofDays(1), Durations.parse("1d"));
    assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
    assertEquals(Duration.ofMinutes(90), Durations.parse(" 1h30m "));
    assertEquals(Duration.ZERO, Durations.parse("0"));
  }

  @Test
  void rejectsOtherTextSayingWhatIsAllowed() {
    for (String bad : new String[] {"", "abc", "5 minutes", "-5s", "1.5h", "5x", "m"}) {
      InvalidInputException e =
          assertThrows(InvalidInputException.class, () -> Durations.parse(bad), bad);
      assertTrue(e.getMessage().contains("30s, 5m, 2h, 1d"), e.getMessage());
    }
  }

  @Test
  void formatReadsBackAsTheSameDuration() {
    for (String text :
        new String[] {"0s", "500ms", "30s", "5m", "2h", "1d", "1h30m", "1d2h3m4s5ms"}) {
      assertEquals(text, Durations.format(Durations.parse(text)));
    }
  }
}
