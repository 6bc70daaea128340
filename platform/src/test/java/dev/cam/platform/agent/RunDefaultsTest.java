package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cam.api.AgentOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunDefaultsTest {
  private final RunDefaults defaults = new RunDefaults(3, true, Map.of("codex", false));

  @Test
  void runWithoutOptionsGetsConfiguredRetriesAndAutoConfirm() {
    AgentOptions options = defaults.apply("claude", AgentOptions.DEFAULTS);

    assertEquals(new AgentOptions(null, null, 3, true, Map.of()), options);
  }

  @Test
  void toolsOwnAutoConfirmWinsOverTheMonitorDefault() {
    assertEquals(false, defaults.apply("codex", AgentOptions.DEFAULTS).autoConfirm());
  }

  @Test
  void optionsTheCallerSpelledOutAreKeptEvenWhenEqualToTheBuiltInOnes() {
    AgentOptions given = new AgentOptions(null, null, 0, true, Map.of());

    assertSame(given, defaults.apply("claude", given));
  }
}
