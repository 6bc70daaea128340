package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.Context;
import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import dev.cam.platform.config.ConfigLoader;
import dev.cam.platform.config.ConfigSources;
import dev.cam.plugin.api.ws.WsLimits;
import dev.cam.plugin.tmux.TmuxSettings;
import dev.cam.plugin.tmux.TmuxTransport;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes behind {@code cam prune}, {@code cam context test|update} and the tools list. */
class MaintenanceRoutesIT {
  static final String TOKEN = "maintenance-token-0123456789abcdefghijklmnop";
  @TempDir Path dir;
  TestPlatform platform;
  JettyApiFrontend frontend;
  ApiClient api;

  @BeforeEach
  void start() {
    platform =
        new TestPlatform(
            dir,
            Map.of(
                "server.token", TOKEN,
                "tools.fake.command", "/opt/fake/bin/fake",
                "tools.fake.auto_confirm", "false",
                "tools.off.enabled", "false"));
    frontend =
        new JettyApiFrontend(
            platform,
            ApiSettings.defaults("127.0.0.1", 0)
                .with(TOKEN, List.of(), false)
                .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS));
    frontend.start();
    api =
        new ApiClient(
            URI.create(frontend.uri().resolve("/").toString().replaceAll("/$", "")), TOKEN);
  }

  @AfterEach
  void stop() {
    frontend.stop();
    platform.close();
  }

  @Test
  void pruneDeletesOnlyEndedAgentsThatEndedBeforeTheCutoffWithTheirLogs() {
    Instant old = Instant.now().minus(10, ChronoUnit.DAYS);
    save("aaaa0001", AgentStatus.COMPLETED, old);
    save("aaaa0002", AgentStatus.FAILED, old);
    save("aaaa0003", AgentStatus.RUNNING, old);
    save("aaaa0004", AgentStatus.COMPLETED, Instant.now());
    platform.logs().append("aaaa0001", "status", Map.of("status", "completed"));

    JsonNode dry = api.post("/api/agents/prune", "{\"before\":\"7d\",\"dry_run\":true}").json();
    assertEquals(List.of("aaaa0001", "aaaa0002"), sorted(dry.get("pruned")));
    assertTrue(dry.get("dry_run").asBoolean());
    assertEquals(4, platform.agents().list(all()).size(), "a dry run deletes nothing");

    JsonNode done =
        api.post("/api/agents/prune", "{\"before\":\"7d\",\"status\":[\"completed\"]}").json();

    assertEquals(List.of("aaaa0001"), sorted(done.get("pruned")));
    assertEquals("aaaa0001", done.get("agents").get(0).get("id").asText());
    assertEquals(3, platform.agents().list(all()).size());
    assertTrue(platform.logs().read("aaaa0001", 0).isEmpty(), "its log went with it");
  }

  @Test
  void pruneRefusesActiveStatusesAndUnreadableTimesWithAProblemSayingWhatToDo() {
    ApiClient.Reply active = api.post("/api/agents/prune", "{\"status\":[\"running\"]}");
    ApiClient.Reply when = api.post("/api/agents/prune", "{\"before\":\"last week\"}");
    ApiClient.Reply unknown = api.post("/api/agents/prune", "{\"older\":\"7d\"}");

    assertEquals(400, active.status(), active.body());
    assertTrue(active.isProblem());
    assertTrue(detail(active).contains("stop or kill them first"), active.body());
    assertEquals(400, when.status(), when.body());
    assertTrue(detail(when).contains("7d"), when.body());
    assertEquals(400, unknown.status(), unknown.body());
  }

  @Test
  void patchChangesOnlyWhatItGives() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    platform.contexts().add(new Context("web", first.toString(), null, List.of("a", "b")));

    ApiClient.Reply tags = patch("/api/contexts/web", "{\"tags\":[\"c\"],\"untags\":[\"a\"]}");
    ApiClient.Reply path = patch("/api/contexts/web", "{\"path\":\"" + second + "\"}");

    assertEquals(200, tags.status(), tags.body());
    assertEquals("[\"b\",\"c\"]", tags.json().get("tags").toString());
    assertEquals(first.toString(), tags.json().get("path").asText());
    assertEquals(second.toString(), path.json().get("path").asText());
    Context stored = platform.contexts().get("web");
    assertEquals(List.of("b", "c"), stored.tags());
    assertEquals(second.toString(), stored.path());
  }

  @Test
  void patchMovesAContextToAnotherMachineAndBack() throws Exception {
    Path here = Files.createDirectories(dir.resolve("here"));
    platform.contexts().add(new Context("w", here.toString(), null, List.of()));

    ApiClient.Reply away =
        patch("/api/contexts/w", "{\"host\":\"box\",\"user\":\"me\",\"path\":\"/srv/w\"}");
    assertEquals("me@box", away.json().get("machine").asText(), away.body());
    assertEquals(Machine.remote("box", "me", 0, null), platform.contexts().get("w").machine());

    ApiClient.Reply back = patch("/api/contexts/w", "{\"host\":\"\",\"path\":\"" + here + "\"}");
    assertEquals("local", back.json().get("machine").asText(), back.body());
  }

  @Test
  void patchRefusesWhatCantBeAContext() throws Exception {
    platform.contexts().add(new Context("w", dir.toString(), null, List.of()));

    ApiClient.Reply missing =
        patch("/api/contexts/w", "{\"path\":\"" + dir.resolve("nope") + "\"}");
    ApiClient.Reply relative = patch("/api/contexts/w", "{\"host\":\"box\",\"path\":\"srv\"}");
    ApiClient.Reply unknown = patch("/api/contexts/nothing", "{\"tags\":[\"x\"]}");
    ApiClient.Reply typo = patch("/api/contexts/w", "{\"paht\":\"/x\"}");

    assertEquals(400, missing.status(), missing.body());
    assertTrue(detail(missing).contains("does not exist on the server"), missing.body());
    assertEquals(400, relative.status(), relative.body());
    assertTrue(detail(relative).contains("absolute"), relative.body());
    assertEquals(404, unknown.status(), unknown.body());
    assertEquals(400, typo.status(), typo.body());
    assertEquals(dir.toString(), platform.contexts().get("w").path(), "nothing changed");
  }

  @Test
  void testingAContextWithoutATransportSaysWhatToInstall() {
    platform.contexts().add(new Context("w", dir.toString(), null, List.of()));

    ApiClient.Reply r = api.post("/api/contexts/w/test", null);

    assertEquals(200, r.status(), r.body());
    assertFalse(r.json().get("ok").asBoolean());
    assertTrue(r.json().get("message").asText().contains("install a transport plugin"), r.body());
    assertEquals(404, api.post("/api/contexts/nothing/test", null).status());
  }

  @Test
  void testingAContextThroughTmuxFindsTmuxAndAMissingDirectory() throws Exception {
    Prerequisites.tmux();
    Path socket = Path.of("/tmp", "cam-mr-" + UUID.randomUUID().toString().substring(0, 8));
    TmuxTransport tmux =
        new TmuxTransport(
            TmuxSettings.fromConfig(
                new ConfigLoader()
                    .load(
                        new ConfigSources(
                            dir.resolve("none.toml"),
                            dir,
                            Map.of(),
                            Map.of("tmux.socket", socket.toString()))),
                dir));
    try {
      platform.extension(tmux);
      Path gone = Files.createDirectories(dir.resolve("gone"));
      platform.contexts().add(new Context("here", dir.toString(), null, List.of()));
      platform.contexts().add(new Context("gone", gone.toString(), null, List.of()));
      Files.delete(gone);

      JsonNode here = api.post("/api/contexts/here/test", null).json();
      JsonNode missing = api.post("/api/contexts/gone/test", null).json();

      assertTrue(here.get("ok").asBoolean(), here.toString());
      assertFalse(here.get("tmux").isNull(), here.toString());
      assertTrue(here.get("path_ok").asBoolean());
      assertFalse(missing.get("ok").asBoolean(), missing.toString());
      assertTrue(
          missing.get("message").asText().contains("cam context update gone"), missing.toString());
    } finally {
      tmux.close();
      new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(socket);
    }
  }

  @Test
  void toolsAreListedWithTheirVersionsAndSettings() {
    platform.extension(new Tool("fake", "Fake Tool", Optional.of("fake 1.2.3")));
    platform.extension(new Tool("off", "Off", Optional.empty()));

    ApiClient.Reply r = api.get("/api/tools");

    assertEquals(200, r.status(), r.body());
    JsonNode tools = r.json().get("tools");
    assertEquals(2, tools.size(), r.body());
    JsonNode fake = tools.get(0);
    assertEquals("fake", fake.get("id").asText());
    assertEquals("Fake Tool", fake.get("name").asText());
    assertEquals("plugin", fake.get("source").asText());
    assertEquals("fake 1.2.3", fake.get("version").asText());
    assertTrue(fake.get("enabled").asBoolean());
    assertEquals("/opt/fake/bin/fake", fake.get("command").asText());
    assertFalse(fake.get("auto_confirm").asBoolean());
    JsonNode off = tools.get(1);
    assertTrue(off.get("version").isNull(), r.body());
    assertFalse(off.get("enabled").asBoolean());
    assertTrue(off.get("command").isNull());
    assertTrue(off.get("auto_confirm").isNull());
    assertEquals(0, off.get("args").size());
  }

  private ApiClient.Reply patch(String path, String body) {
    return api.send("PATCH", path, body, TOKEN, Map.of("Content-Type", "application/json"));
  }

  private static String detail(ApiClient.Reply r) {
    return r.json().get("detail").asText();
  }

  private static dev.cam.api.AgentQuery all() {
    return new dev.cam.api.AgentQuery(java.util.Set.of(), null, null, 0, 0);
  }

  private static List<String> sorted(JsonNode ids) {
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(id.asText()));
    out.sort(null);
    return out;
  }

  private void save(String id, AgentStatus status, Instant at) {
    Instant finished = status.isTerminal() ? at : null;
    platform
        .agents()
        .save(
            new Agent(
                id,
                null,
                "fake",
                null,
                null,
                "/w",
                "do " + id,
                status,
                null,
                null,
                null,
                at,
                at,
                finished,
                null,
                1,
                null));
  }

  /** A tool adapter whose CLI version is given. */
  private record Tool(String id, String displayName, Optional<String> installedVersion)
      implements ToolAdapter {
    @Override
    public LaunchSpec launch(LaunchRequest request) {
      return new LaunchSpec(List.of(id), Map.of(), true);
    }

    @Override
    public Detection read(Screen screen) {
      return Detection.NOTHING;
    }
  }
}
