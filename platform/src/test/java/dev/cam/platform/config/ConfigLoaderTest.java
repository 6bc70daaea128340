package dev.cam.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConfigException;
import dev.cam.platform.monitor.MonitorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;
  private final ConfigLoader loader = new ConfigLoader();

  private Path write(Path file, String toml) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, toml);
  }

  private LayeredConfig load(Map<String, String> env, Map<String, String> flags) {
    return loader.load(
        new ConfigSources(tmp.resolve("user/config.toml"), tmp.resolve("work/a/b"), env, flags));
  }

  @Test
  void defaultsApplyWhenNothingElseIsGiven() {
    LayeredConfig config = load(Map.of(), Map.of());
    CamSettings s = config.settings();
    assertEquals(8420, s.server().port());
    assertEquals("127.0.0.1", s.server().host());
    assertEquals(Duration.ofSeconds(2), s.monitor().pollInterval());
    assertEquals("claude", s.general().defaultTool());
    assertEquals(2.0, s.retry().backoffMultiplier());
    assertEquals("default", config.source("server.port"));
    assertEquals(List.of(), config.files());
  }

  @Test
  void everyLayerOverridesThePreviousOne() throws IOException {
    Files.createDirectories(tmp.resolve("work/a/b"));
    write(tmp.resolve("user/config.toml"), "[server]\nport = 1001\nhost = \"0.0.0.0\"\n");
    assertEquals(1001, load(Map.of(), Map.of()).getInt("server.port"));

    write(tmp.resolve("work/.cam/config.toml"), "[server]\nport = 1002\n");
    LayeredConfig project = load(Map.of(), Map.of());
    assertEquals(1002, project.getInt("server.port"));
    assertEquals("0.0.0.0", project.require("server.host"), "user file keys not overridden stay");
    assertEquals(tmp.resolve("work/.cam/config.toml").toString(), project.source("server.port"));

    LayeredConfig env = load(Map.of("CAM_SERVER_PORT", "1003"), Map.of());
    assertEquals(1003, env.getInt("server.port"));
    assertEquals("env CAM_SERVER_PORT", env.source("server.port"));

    LayeredConfig flag = load(Map.of("CAM_SERVER_PORT", "1003"), Map.of("server.port", "1004"));
    assertEquals(1004, flag.settings().server().port());
    assertEquals("flag", flag.source("server.port"));
  }

  @Test
  void nearestProjectFileUpwardWins() throws IOException {
    write(tmp.resolve("work/.cam/config.toml"), "[server]\nport = 1\n[relay]\nenabled = false\n");
    write(tmp.resolve("work/a/.cam/config.toml"), "[server]\nport = 2\n");
    Files.createDirectories(tmp.resolve("work/a/b"));
    LayeredConfig config = load(Map.of(), Map.of());
    assertEquals(2, config.getInt("server.port"));
    assertTrue(config.getBoolean("relay.enabled"), "only the nearest project file is read");
    assertEquals(List.of(tmp.resolve("work/a/.cam/config.toml")), config.files());
  }

  @Test
  void environmentVariablesMapToKeys() {
    LayeredConfig config =
        load(
            Map.of(
                "CAM_MONITOR_POLL_INTERVAL", "500ms",
                "CAM_TOOLS__CLAUDE__COMMAND", "/opt/claude",
                "CAM_TOOLS__CLAUDE__ENV__ANTHROPIC_API_KEY", "sk-1",
                "CAM_SERVER_CORS_ORIGINS", "https://a, https://b",
                "CAM_DATA_DIR", "/not/a/key",
                "CAM_AGENT_ID", "not a key either"),
            Map.of());
    assertEquals(Duration.ofMillis(500), config.settings().monitor().pollInterval());
    CamSettings.Tool claude = config.settings().tool("claude").orElseThrow();
    assertEquals("/opt/claude", claude.command());
    assertEquals(Map.of("ANTHROPIC_API_KEY", "sk-1"), claude.env());
    assertTrue(claude.enabled());
    assertEquals(List.of("https://a", "https://b"), config.settings().server().corsOrigins());
    assertEquals("********", config.effective().get("tools.claude.env.ANTHROPIC_API_KEY"));
  }

  @Test
  void lostContactLimitReachesTheMonitorSettings() throws IOException {
    assertEquals(
        Duration.ofMinutes(2),
        MonitorSettings.from(load(Map.of(), Map.of()).settings().monitor()).lostContactLimit());
    write(tmp.resolve("user/config.toml"), "[monitor]\nlost_contact_limit = \"45s\"\n");
    assertEquals(
        Duration.ofSeconds(45),
        MonitorSettings.from(load(Map.of(), Map.of()).settings().monitor()).lostContactLimit());
  }

  @Test
  void badEnvironmentValueNamesTheVariable() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> load(Map.of("CAM_SERVER_PORT", "http"), Map.of()));
    assertEquals("env CAM_SERVER_PORT", e.source());
    assertTrue(e.getMessage().contains("from 0 to 65535"), e.getMessage());
  }

  @Test
  void badDurationNamesFileKeyAndWhatIsAllowed() throws IOException {
    Path user = write(tmp.resolve("user/config.toml"), "[monitor]\npoll_interval = \"soon\"\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()));
    assertTrue(
        e.getMessage().startsWith(user.toString() + ": monitor.poll_interval: "), e.getMessage());
    assertTrue(e.getMessage().contains("30s, 5m, 2h, 1d"), e.getMessage());
  }

  @Test
  void unknownKeyInKnownSectionSuggestsTheNearOne() throws IOException {
    write(tmp.resolve("user/config.toml"), "[server]\nprot = 9\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()));
    assertEquals("server.prot", e.key());
    assertTrue(e.getMessage().contains("did you mean 'server.port'"), e.getMessage());
  }

  @Test
  void unknownSectionIsAnErrorButAnyToolIdIsAllowed() throws IOException {
    write(tmp.resolve("user/config.toml"), "[tools.my-cli]\ncommand = \"mc\"\n[sever]\nport = 1\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("did you mean 'server'"), e.getMessage());

    write(tmp.resolve("user/config.toml"), "[tools.my-cli]\ncommand = \"mc\"\nargs = [\"-q\"]\n");
    CamSettings.Tool tool = load(Map.of(), Map.of()).settings().tool("my-cli").orElseThrow();
    assertEquals(List.of("-q"), tool.args());
  }

  @Test
  void unknownFlagKeyIsAnError() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(Map.of(), Map.of("server.hots", "x")));
    assertTrue(e.getMessage().startsWith("flag: server.hots: unknown key"), e.getMessage());
  }

  @Test
  void keysCanBeCheckedWithoutLoading() {
    LayeredConfig.checkKey("tools.any.env.X", "argument");
    ConfigException e =
        assertThrows(ConfigException.class, () -> LayeredConfig.checkKey("retry.maks", "argument"));
    assertTrue(e.getMessage().contains("did you mean 'retry.max'"), e.getMessage());
  }

  @Test
  void tomlSyntaxErrorNamesFileAndLine() throws IOException {
    Path user = write(tmp.resolve("user/config.toml"), "[server]\nhost = \"h\"\nport = = 3\n");
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()));
    assertTrue(e.getMessage().startsWith(user + ": line 3: not valid TOML"), e.getMessage());
  }

  @Test
  void secretsAreMaskedInTheEffectiveView() throws IOException {
    write(tmp.resolve("user/config.toml"), "[server]\ntoken = \"abc\"\n");
    LayeredConfig config = load(Map.of(), Map.of());
    assertEquals("********", config.effective().get("server.token"));
    assertEquals("abc", config.require("server.token"));
    assertFalse(config.settings().server().toString().contains("abc"));
  }

  @Test
  void toolEnvironmentsMergeAcrossLayers() throws IOException {
    write(tmp.resolve("user/config.toml"), "[tools.claude]\nenv = { A = \"1\", B = \"2\" }\n");
    LayeredConfig config =
        load(Map.of(), Map.of("tools.claude.env.B", "3", "tools.claude.enabled", "false"));
    CamSettings.Tool claude = config.settings().tool("claude").orElseThrow();
    assertEquals(Map.of("A", "1", "B", "3"), claude.env());
    assertFalse(claude.enabled());
  }

  @Test
  void typedGetterOnTheWrongKindNamesTheSource() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()).getInt("server.host"));
    assertEquals("default", e.source());
    assertThrows(ConfigException.class, () -> load(Map.of(), Map.of()).require("relay.url"));
  }

  @Test
  void retryBackoffGrowsUpToTheMaximum() {
    CamSettings.Retry retry = load(Map.of(), Map.of()).settings().retry();
    assertEquals(Duration.ofSeconds(10), retry.backoff(1));
    assertEquals(Duration.ofSeconds(40), retry.backoff(3));
    assertEquals(Duration.ofMinutes(5), retry.backoff(30));
  }
}
