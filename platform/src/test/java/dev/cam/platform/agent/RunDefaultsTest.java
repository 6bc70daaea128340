package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cam.api.AgentOptions;
import dev.cam.platform.config.CamSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunDefaultsTest {
  private final RunDefaults defaults =
      new RunDefaults(
          3,
          true,
          Map.of(
              "codex", tool("codex", false),
              "aider", tool("aider", null)));

  @Test
  void runWithNothingSetGetsTheGlobalSettings() {
    AgentOptions options = defaults.apply("claude", AgentOptions.UNSET);

    assertEquals(new AgentOptions(null, null, 3, true, Map.of()), options);
  }

  @Test
  void toolsOwnAutoConfirmWinsOverTheGlobalOne() {
    assertEquals(false, defaults.apply("codex", AgentOptions.UNSET).autoConfirm());
  }

  @Test
  void aToolSectionWithoutAutoConfirmLeavesTheGlobalOne() {
    assertEquals(true, defaults.apply("aider", AgentOptions.UNSET).autoConfirm());
  }

  @Test
  void valuesTheRequestSetWinEvenWhenEqualToTheBuiltInOnes() {
    AgentOptions given = new AgentOptions(null, null, 0, true, Map.of("A", "1"));

    assertEquals(given, defaults.apply("codex", given));
  }

  @Test
  void eachUnsetValueIsResolvedOnItsOwn() {
    Duration timeout = Duration.ofMinutes(5);
    AgentOptions onlyConfirm = new AgentOptions(timeout, null, null, true, Map.of());
    AgentOptions onlyRetries = new AgentOptions(null, null, 0, null, Map.of());

    assertEquals(
        new AgentOptions(timeout, null, 3, true, Map.of()),
        defaults.apply("codex", onlyConfirm),
        "auto-confirm from the request, retries from retry.max");
    assertEquals(
        new AgentOptions(null, null, 0, false, Map.of()),
        defaults.apply("codex", onlyRetries),
        "retries from the request, auto-confirm from tools.codex.auto_confirm");
  }

  @Test
  void withNoConfigurationTheBuiltInDefaultsApply() {
    assertEquals(AgentOptions.DEFAULTS, RunDefaults.NONE.apply("claude", AgentOptions.UNSET));
  }

  private static CamSettings.Tool tool(String id, Boolean autoConfirm) {
    return new CamSettings.Tool(id, null, List.of(), true, Map.of(), autoConfirm);
  }
}
