package dev.cam.platform.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchSpec;
import dev.cam.platform.config.CamSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolLaunchTest {
  private static final LaunchSpec ADAPTERS =
      new LaunchSpec(
          List.of("codex", "--no-daemon"), Map.of("FROM_ADAPTER", "a", "SHARED", "adapter"), false);

  @Test
  void commandReplacesTheExecutableArgsAreAppendedAndEnvIsMerged() {
    RunDefaults defaults =
        with(
            new CamSettings.Tool(
                "codex",
                "/opt/codex/bin/codex",
                List.of("-a", "on-request"),
                true,
                Map.of("SHARED", "config", "OPENAI_BASE_URL", "http://127.0.0.1:1"),
                null));

    LaunchSpec spec = defaults.launch("codex", ADAPTERS);

    assertEquals(
        List.of("/opt/codex/bin/codex", "--no-daemon", "-a", "on-request"), spec.command());
    assertEquals(
        Map.of("FROM_ADAPTER", "a", "SHARED", "config", "OPENAI_BASE_URL", "http://127.0.0.1:1"),
        spec.env());
    assertEquals(ADAPTERS.promptOnCommandLine(), spec.promptOnCommandLine());
  }

  @Test
  void aToolWithoutASectionLaunchesAsItsAdapterSays() {
    assertSame(ADAPTERS, RunDefaults.NONE.launch("codex", ADAPTERS));
  }

  @Test
  void anEnvironmentNameThatCantBeSetIsAnErrorNamingTheKeyAndWhereItWasSet() {
    RunDefaults defaults =
        new RunDefaults(
            0,
            true,
            Map.of("codex", section(null, List.of(), Map.of("MY-KEY", "x"))),
            key -> "/home/me/.config/cam/config.toml");

    ConfigException e = assertThrows(ConfigException.class, () -> defaults.check("codex"));

    assertEquals("tools.codex.env.MY-KEY", e.key());
    assertEquals("/home/me/.config/cam/config.toml", e.source());
    assertTrue(e.getMessage().contains("not an environment variable name"), e.getMessage());
  }

  @Test
  void aBlankCommandIsRefused() {
    RunDefaults defaults = with(section("  ", List.of(), Map.of()));

    ConfigException e =
        assertThrows(ConfigException.class, () -> defaults.launch("codex", ADAPTERS));

    assertEquals("tools.codex.command", e.key());
  }

  @Test
  void anArgumentWithANulIsRefused() {
    RunDefaults defaults = with(section(null, List.of("ok", "bad\0arg"), Map.of()));

    ConfigException e = assertThrows(ConfigException.class, () -> defaults.check("codex"));

    assertEquals("tools.codex.args", e.key());
  }

  @Test
  void aDisabledToolIsRefusedWithHowToEnableIt() {
    RunDefaults defaults =
        with(new CamSettings.Tool("codex", null, List.of(), false, Map.of(), null));

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> defaults.check("codex"));

    assertTrue(e.getMessage().contains("cam config set tools.codex.enabled true"), e.getMessage());
  }

  private static RunDefaults with(CamSettings.Tool tool) {
    return new RunDefaults(0, true, Map.of(tool.id(), tool));
  }

  private static CamSettings.Tool section(
      String command, List<String> args, Map<String, String> env) {
    return new CamSettings.Tool("codex", command, args, true, env, null);
  }
}
