package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Route;
import dev.cam.plugin.api.route.ApiRoutes;
import dev.cam.plugin.api.ws.WsLimits;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestApiIT {
  static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";
  static final String ORIGIN = "https://phone.example";
  @TempDir static Path dir;
  static TestPlatform platform;
  static JettyApiFrontend frontend;
  static ApiClient api;
  static ApiClient anonymous;

  @BeforeAll
  static void start() {
    platform = new TestPlatform(dir, Map.of("server.token", TOKEN));
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(ORIGIN), false)
            .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS);
    frontend = new JettyApiFrontend(platform, settings);
    frontend.start();
    URI base = frontend.uri().resolve("/");
    api = new ApiClient(URI.create(base.toString().replaceAll("/$", "")), TOKEN);
    anonymous = new ApiClient(URI.create(base.toString().replaceAll("/$", "")), null);
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    save(agent("aaaa1111bbbb", "claude", "web", AgentStatus.RUNNING, t));
    save(agent("aaaa2222cccc", "codex", "web", AgentStatus.COMPLETED, t.plusSeconds(1)));
    save(agent("bbbb3333dddd", "claude", null, AgentStatus.FAILED, t.plusSeconds(2)));
    save(agent("cccc4444eeee", "aider", "api", AgentStatus.WAITING, t.plusSeconds(3)));
    save(agent("dddd5555ffff", "gemini", "logs", AgentStatus.RUNNING, t.plusSeconds(4)));
  }

  @AfterAll
  static void stop() {
    if (frontend != null) {
      frontend.stop();
    }
    if (platform != null) {
      platform.close();
    }
  }

  static Agent agent(String id, String tool, String context, AgentStatus status, Instant at) {
    return new Agent(
        id,
        null,
        tool,
        context,
        null,
        "/work/" + id,
        "do " + id,
        status,
        null,
        null,
        null,
        at,
        null,
        null,
        null,
        1,
        null);
  }

  static void save(Agent a) {
    platform.agents().save(a);
  }

  static String concrete(Route route) {
    return route.template().replace("{id}", "aaaa1111").replace("{name}", "nothing-here");
  }

  static String body(Route route) {
    return route.method().equals("POST") ? "{}" : null;
  }

  @Test
  void everyRouteRefusesARequestWithoutToken() {
    for (Route route : new ApiRoutes(platform, new Json()).all()) {
      ApiClient.Reply r = anonymous.send(route.method(), concrete(route), "{}", null, Map.of());
      assertEquals(401, r.status(), route + ": " + r);
      assertTrue(r.isProblem(), route.template());
      assertEquals("Bearer", r.header("WWW-Authenticate"));
      assertTrue(r.json().get("detail").asText().contains("server.token"), r.body());
    }
  }

  @Test
  void everyRouteRefusesAWrongToken() {
    for (Route route : new ApiRoutes(platform, new Json()).all()) {
      ApiClient.Reply r =
          anonymous.send(route.method(), concrete(route), body(route), TOKEN + "x", Map.of());
      assertEquals(401, r.status(), route + ": " + r);
      assertTrue(r.json().get("detail").asText().contains("wrong"), r.body());
    }
  }

  @Test
  void everyRouteAnswersWithTheTokenAndNoServerError() {
    for (Route route : new ApiRoutes(platform, new Json()).all()) {
      // a dry run, so the agents the other tests read stay
      String body =
          route.template().endsWith("/prune")
              ? "{\"dry_run\":true}"
              : route.method().equals("POST") ? "{}" : null;
      ApiClient.Reply r =
          api.send(
              route.method(),
              concrete(route),
              body,
              TOKEN,
              Map.of("Content-Type", "application/json"));
      assertTrue(r.status() < 500 || r.status() == 503, route + ": " + r);
      assertFalse(r.body().contains("at dev.cam"), "no stack trace: " + r);
    }
  }

  @Test
  void healthSaysOkAndTheVersion() {
    JsonNode health = api.get("/api/system/health").json();
    assertEquals("ok", health.get("status").asText());
    assertEquals("0.1.0-test", health.get("version").asText());
  }

  @Test
  void listsAgentsNewestFirstWithFiltersAndPaging() {
    JsonNode all = api.get("/api/agents").json();
    assertEquals(
        List.of("dddd5555ffff", "cccc4444eeee", "bbbb3333dddd", "aaaa2222cccc", "aaaa1111bbbb"),
        ids(all));
    assertEquals(100, all.get("limit").asInt());
    assertEquals(
        List.of("bbbb3333dddd", "aaaa1111bbbb"), ids(api.get("/api/agents?tool=claude").json()));
    assertEquals(
        List.of("dddd5555ffff", "cccc4444eeee", "aaaa1111bbbb"),
        ids(api.get("/api/agents?status=running,waiting").json()));
    assertEquals(
        List.of("aaaa2222cccc", "aaaa1111bbbb"), ids(api.get("/api/agents?context=web").json()));
    assertEquals(
        List.of("cccc4444eeee", "bbbb3333dddd"),
        ids(api.get("/api/agents?limit=2&offset=1").json()));
  }

  @Test
  void badListParametersAreProblemsThatSayWhatIsAllowed() {
    ApiClient.Reply status = api.get("/api/agents?status=sleeping");
    assertEquals(400, status.status());
    assertTrue(status.json().get("detail").asText().contains("running"), status.body());
    ApiClient.Reply limit = api.get("/api/agents?limit=abc");
    assertEquals(400, limit.status());
    assertTrue(limit.json().get("detail").asText().contains("1 to 1000"), limit.body());
    assertEquals(400, api.get("/api/agents?offset=-1").status());
  }

  private static List<String> ids(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.get("agents").forEach(a -> out.add(a.get("id").asText()));
    return out;
  }

  @Test
  void findsAnAgentByUniquePrefix() {
    JsonNode agent = api.get("/api/agents/bbbb").json();
    assertEquals("bbbb3333dddd", agent.get("id").asText());
    assertEquals("bbbb3333", agent.get("short_id").asText());
    assertEquals("failed", agent.get("status").asText());
    assertEquals("local", agent.get("machine").asText());
    assertTrue(agent.get("options").get("auto_confirm").asBoolean());
    assertTrue(agent.has("finished_at"), "documented members are always present");
  }

  @Test
  void ambiguousPrefixIsABadRequestListingTheCandidates() {
    ApiClient.Reply r = api.get("/api/agents/aaaa");
    assertEquals(400, r.status());
    assertTrue(r.isProblem());
    assertEquals("urn:cam:problem:ambiguous-id", r.json().get("type").asText());
    assertEquals(2, r.json().get("candidates").size(), r.body());
  }

  @Test
  void unknownAgentIsNotFound() {
    for (String path :
        List.of("/api/agents/ffff", "/api/agents/ffff/logs", "/api/agents/ffff/output")) {
      ApiClient.Reply r = api.get(path);
      assertEquals(404, r.status(), path + ": " + r);
      assertEquals("Not found", r.json().get("title").asText());
      assertTrue(r.json().get("detail").asText().contains("ffff"), r.body());
    }
  }

  @Test
  void logsFilterBySequenceAndTail() {
    String id = "dddd5555ffff";
    long first =
        platform.events().publish(id, EventTypes.STATE_CHANGE, Map.of("to", "thinking")).seq();
    platform.events().publish(id, EventTypes.STATE_CHANGE, Map.of("to", "editing"));
    platform.events().publish(id, EventTypes.STATE_CHANGE, Map.of("to", "testing"));
    JsonNode all = api.get("/api/agents/dddd/logs").json();
    assertEquals(id, all.get("agent_id").asText());
    assertEquals(3, all.get("entries").size(), all.toString());
    assertEquals(2, api.get("/api/agents/dddd/logs?since=" + first).json().get("entries").size());
    JsonNode tail = api.get("/api/agents/dddd/logs?tail=1").json().get("entries");
    assertEquals(1, tail.size());
    assertEquals("testing", tail.get(0).get("to").asText());
    assertEquals(400, api.get("/api/agents/dddd/logs?since=x").status());
  }

  @Test
  void contextsAreAddedListedShownAndRemoved() {
    ApiClient.Reply added =
        api.post("/api/contexts", "{\"name\":\"shop\",\"path\":\"/srv/shop\",\"tags\":[\"web\"]}");
    assertEquals(201, added.status(), added.toString());
    assertEquals("/api/contexts/shop", added.header("Location"));
    assertEquals("local", added.json().get("machine").asText());
    assertEquals("/srv/shop", api.get("/api/contexts/shop").json().get("path").asText());
    assertTrue(api.get("/api/contexts").body().contains("\"shop\""));
    ApiClient.Reply again = api.post("/api/contexts", "{\"name\":\"shop\",\"path\":\"/srv/x\"}");
    assertEquals(400, again.status(), again.toString());
    assertEquals(204, api.delete("/api/contexts/shop").status());
    assertEquals(404, api.delete("/api/contexts/shop").status());
    assertEquals(404, api.get("/api/contexts/shop").status());
  }

  @Test
  void invalidContextsSayWhatIsAllowed() {
    ApiClient.Reply relative = api.post("/api/contexts", "{\"name\":\"a\",\"path\":\"srv\"}");
    assertEquals(400, relative.status());
    assertTrue(relative.json().get("detail").asText().contains("absolute"), relative.body());
    ApiClient.Reply name = api.post("/api/contexts", "{\"name\":\"-x\",\"path\":\"/srv\"}");
    assertEquals(400, name.status());
    assertTrue(name.json().get("detail").asText().contains("letters"), name.body());
  }

  @Test
  void badJsonIsABadRequestSayingWhere() {
    ApiClient.Reply r = api.post("/api/contexts", "{\"name\": ");
    assertEquals(400, r.status());
    assertTrue(r.isProblem());
    assertTrue(r.json().get("detail").asText().contains("not valid JSON"), r.body());
    assertEquals(400, api.post("/api/contexts", "[1,2]").status());
    assertEquals(400, api.post("/api/contexts", "null").status());
    assertEquals(400, api.post("/api/contexts", "").status());
  }

  @Test
  void wrongTypesAndUnknownMembersAreRefused() {
    ApiClient.Reply retries =
        api.post("/api/agents", "{\"tool\":\"claude\",\"cwd\":\"/tmp\",\"retries\":\"3\"}");
    assertEquals(400, retries.status(), retries.toString());
    assertTrue(retries.json().get("detail").asText().contains("retries"), retries.body());
    ApiClient.Reply tool = api.post("/api/agents", "{\"tool\":7,\"cwd\":\"/tmp\"}");
    assertEquals(400, tool.status(), tool.toString());
    ApiClient.Reply unknown =
        api.post("/api/agents", "{\"tool\":\"claude\",\"cwd\":\"/tmp\",\"x\":1}");
    assertEquals(400, unknown.status());
    assertTrue(unknown.json().get("detail").asText().contains("unknown member"), unknown.body());
    ApiClient.Reply duration =
        api.post("/api/agents", "{\"tool\":\"claude\",\"cwd\":\"/tmp\",\"timeout\":\"soon\"}");
    assertEquals(400, duration.status());
    assertTrue(duration.json().get("detail").asText().contains("30s"), duration.body());
    ApiClient.Reply missing = api.post("/api/agents", "{\"prompt\":\"hi\"}");
    assertEquals(400, missing.status());
    assertTrue(missing.json().get("detail").asText().contains("tool"), missing.body());
    ApiClient.Reply input =
        api.post("/api/agents/aaaa1111/input", "{\"text\":\"a\",\"keys\":[\"C-c\"]}");
    assertEquals(400, input.status(), input.toString());
  }

  @Test
  void aBodyThatIsNotJsonIsRefused() {
    ApiClient.Reply r =
        api.send("POST", "/api/contexts", "name=x", TOKEN, Map.of("Content-Type", "text/plain"));
    assertEquals(415, r.status());
    assertTrue(r.isProblem());
  }

  @Test
  void aHugeBodyIsRefusedWith413() {
    String huge = "{\"name\":\"x\",\"path\":\"/" + "a".repeat(2 * 1024 * 1024) + "\"}";
    ApiClient.Reply r = api.post("/api/contexts", huge);
    assertEquals(413, r.status());
    assertTrue(r.isProblem());
  }

  @Test
  void pathTricksAreRejected() {
    for (String path :
        List.of(
            "/api/agents/..%2f..%2fetc",
            "/api/agents/a%2Fb",
            "/api/%2e%2e/api/agents",
            "/api/contexts/%2e%2e",
            "/api//agents",
            "/api/agents/a%5cb",
            "/api/agents/%00")) {
      ApiClient.Reply r = api.get(path);
      assertEquals(400, r.status(), path + ": " + r);
      assertTrue(r.isProblem(), path + ": " + r);
    }
  }

  @Test
  void unknownRoutesAreNotFoundProblems() {
    ApiClient.Reply r = api.get("/api/nothing");
    assertEquals(404, r.status());
    assertTrue(r.isProblem());
    assertTrue(r.json().get("detail").asText().contains("openapi.json"), r.body());
    assertEquals(404, api.get("/elsewhere").status());
  }

  @Test
  void wrongMethodIs405WithAllow() {
    ApiClient.Reply r = api.send("PUT", "/api/agents", "{}", TOKEN, Map.of());
    assertEquals(405, r.status());
    assertTrue(r.isProblem());
    assertEquals("GET, POST", r.header("Allow"));
    assertEquals(
        "DELETE, GET, PATCH",
        api.send("PUT", "/api/contexts/x", null, TOKEN, Map.of()).header("Allow"));
  }

  @Test
  void agentControlIsUnavailableWithoutAnAgentManager() {
    List<ApiClient.Reply> replies =
        List.of(
            api.post("/api/agents", "{\"tool\":\"claude\",\"cwd\":\"/tmp\",\"prompt\":\"hi\"}"),
            api.delete("/api/agents/aaaa1111"),
            api.delete("/api/agents/aaaa1111?mode=stop"),
            api.get("/api/agents/aaaa1111/output"),
            api.post("/api/agents/aaaa1111/input", "{\"text\":\"yes\"}"),
            api.post("/api/agents/aaaa1111/retry", ""),
            api.post("/api/tasks/apply", "{}"),
            api.get("/api/tasks/t1"),
            api.get("/api/tasks"));
    for (ApiClient.Reply r : replies) {
      assertEquals(503, r.status(), r.toString());
      assertTrue(r.json().get("detail").asText().contains("not available"), r.body());
    }
  }

  @Test
  void configIsShownWithSecretsMasked() {
    ApiClient.Reply r = api.get("/api/system/config");
    assertEquals(200, r.status());
    assertFalse(r.body().contains(TOKEN), "the token never leaves the server");
    JsonNode values = r.json().get("values");
    assertEquals("********", values.get("server.token").asText());
    assertEquals("8420", values.get("server.port").asText());
    assertEquals("flag", r.json().get("sources").get("server.token").asText());
  }

  @Test
  void doctorAndPluginsAnswer() {
    JsonNode doctor = api.get("/api/system/doctor").json();
    assertTrue(doctor.get("ok").asBoolean(), doctor.toString());
    assertEquals("store", doctor.get("checks").get(0).get("name").asText());
    JsonNode plugins = api.get("/api/system/plugins").json().get("plugins");
    assertEquals("started", plugins.get(0).get("state").asText());
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (ApiClient.Reply r :
        List.of(
            api.get("/api/agents"),
            api.get("/api/nothing"),
            anonymous.get("/api/agents"),
            api.get("/api/agents/%2e%2e"))) {
      assertEquals("nosniff", r.header("X-Content-Type-Options"), r.toString());
      assertEquals("DENY", r.header("X-Frame-Options"));
      assertEquals("no-store", r.header("Cache-Control"));
      assertNotNull(r.header("Content-Security-Policy"));
      assertEquals(null, r.header("Server"), "no server version");
    }
  }

  @Test
  void corsAnswersOnlyConfiguredOrigins() {
    Map<String, String> preflight =
        Map.of(
            "Origin",
            ORIGIN,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization");
    ApiClient.Reply ok = anonymous.send("OPTIONS", "/api/agents", null, null, preflight);
    assertEquals(204, ok.status());
    assertEquals(ORIGIN, ok.header("Access-Control-Allow-Origin"));
    assertTrue(ok.header("Access-Control-Allow-Headers").contains("Authorization"));
    ApiClient.Reply evil =
        anonymous.send(
            "OPTIONS",
            "/api/agents",
            null,
            null,
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
    assertEquals(403, evil.status());
    assertEquals(null, evil.header("Access-Control-Allow-Origin"));
    ApiClient.Reply get = api.send("GET", "/api/agents", null, TOKEN, Map.of("Origin", ORIGIN));
    assertEquals(ORIGIN, get.header("Access-Control-Allow-Origin"));
    ApiClient.Reply other =
        api.send("GET", "/api/agents", null, TOKEN, Map.of("Origin", "https://evil.example"));
    assertEquals(null, other.header("Access-Control-Allow-Origin"));
  }

  @Test
  void openApiDocumentListsExactlyTheRoutes() {
    JsonNode doc = api.get("/api/openapi.json").json();
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    Set<String> documented = new TreeSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey())));
    Set<String> routed = new TreeSet<>();
    new ApiRoutes(platform, new Json())
        .all()
        .forEach(r -> routed.add(r.method() + " " + r.template()));
    assertEquals(routed, documented);
  }

  @Test
  void theTokenIsNotInTheConfigDirectoryWhenConfigured() {
    assertFalse(Files.exists(platform.configDir().resolve("server.token")));
  }
}
