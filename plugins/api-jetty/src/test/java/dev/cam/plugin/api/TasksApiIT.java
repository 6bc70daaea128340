package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.Agent;
import dev.cam.api.AgentControl;
import dev.cam.api.AgentStatus;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.platform.task.GraphRunner;
import dev.cam.plugin.api.ws.WsLimits;
import dev.cam.plugin.tmux.testkit.Await;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/tasks…} with the kernel's real task runner and store; the agents are records the test
 * ends itself, so each step of a graph can be watched.
 */
class TasksApiIT {
  private static final String TOKEN = "tasks-token-0123456789abcdefghijklmnopqrstuv";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String GRAPH =
      "version: 1\n"
          + "defaults: {tool: fake}\n"
          + "tasks:\n"
          + "  - name: schema\n"
          + "    prompt: add the table\n"
          + "  - name: api\n"
          + "    prompt: add the endpoint\n"
          + "    depends_on: [schema]\n";
  @TempDir Path dir;
  private TestPlatform platform;
  private JettyApiFrontend frontend;
  private ApiClient api;
  private final RecordedRuns started = new RecordedRuns();

  @BeforeEach
  void start() {
    platform = new TestPlatform(dir, Map.of());
    platform.control(started);
    platform.tasks(
        new GraphRunner(
            platform.store().taskGraphs(),
            () -> started,
            platform.agents(),
            Clock.systemUTC(),
            Duration.ofMillis(20)));
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS);
    frontend = new JettyApiFrontend(platform, settings);
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

  private ApiClient.Reply apply(String query, String contentType, String body) {
    return api.send(
        "POST", "/api/tasks/apply" + query, body, TOKEN, Map.of("Content-Type", contentType));
  }

  private JsonNode graphUntil(String id, Predicate<JsonNode> condition) {
    return Await.value(() -> api.get("/api/tasks/" + id).json(), condition, WAIT);
  }

  private static JsonNode task(JsonNode graph, String name) {
    for (JsonNode t : graph.get("tasks")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no task " + name + " in " + graph);
  }

  private void end(String agentId, AgentStatus status) {
    Agent agent = platform.agents().find(agentId);
    platform.agents().save(agent.withStatus(status, "ended by the test", Instant.now()));
  }

  @Test
  void appliedGraphRunsEachTaskAfterItsDependencyAndShowsItsAgent() {
    ApiClient.Reply r = apply("?dir=" + dir + "&name=build.yaml", "application/yaml", GRAPH);

    assertEquals(201, r.status(), r.toString());
    String id = r.json().get("id").asText();
    assertEquals("/api/tasks/" + id, r.header("Location"));
    assertEquals("build.yaml", r.json().get("name").asText());
    JsonNode first =
        graphUntil(id, g -> task(g, "schema").get("status").asText().equals("running"));
    String schemaAgent = task(first, "schema").get("agent_id").asText();
    assertEquals("running", task(first, "schema").get("agent_status").asText());
    assertEquals("pending", task(first, "api").get("status").asText());
    assertTrue(task(first, "api").get("agent_id").isNull(), first.toString());
    assertEquals(List.of("schema"), List.of(task(first, "api").get("depends_on").get(0).asText()));

    end(schemaAgent, AgentStatus.COMPLETED);
    JsonNode second = graphUntil(id, g -> task(g, "api").get("status").asText().equals("running"));
    assertEquals("completed", task(second, "schema").get("status").asText());
    assertEquals(
        dir.toString(), platform.agents().find(task(second, "api").get("agent_id").asText()).cwd());

    end(task(second, "api").get("agent_id").asText(), AgentStatus.COMPLETED);
    JsonNode done = graphUntil(id, g -> g.get("status").asText().equals("completed"));
    assertTrue(done.get("finished_at").isTextual(), done.toString());
    JsonNode list = api.get("/api/tasks").json().get("tasks");
    assertEquals(id, list.get(0).get("id").asText());
    assertEquals(id, api.get("/api/tasks/" + id.substring(0, 6)).json().get("id").asText());
  }

  @Test
  void aFailedTaskSkipsItsDependentsAndFailsTheGraph() {
    String id = apply("?dir=" + dir, "application/yaml", GRAPH).json().get("id").asText();
    JsonNode running =
        graphUntil(id, g -> task(g, "schema").get("status").asText().equals("running"));

    end(task(running, "schema").get("agent_id").asText(), AgentStatus.FAILED);

    JsonNode done = graphUntil(id, g -> g.get("status").asText().equals("failed"));
    assertEquals("failed", task(done, "schema").get("status").asText());
    assertEquals("skipped", task(done, "api").get("status").asText());
    assertTrue(task(done, "api").get("reason").asText().contains("schema"), done.toString());
  }

  @Test
  void tomlAndJsonFilesArePlannedLikeYaml() {
    String toml =
        "[defaults]\ntool = \"fake\"\n[[tasks]]\nname = \"a\"\nprompt = \"x\"\n"
            + "[[tasks]]\nname = \"b\"\nprompt = \"y\"\ndepends_on = [\"a\"]\n";
    String json =
        "{\"defaults\":{\"tool\":\"fake\"},\"tasks\":[{\"name\":\"a\",\"prompt\":\"x\"},"
            + "{\"name\":\"b\",\"prompt\":\"y\",\"depends_on\":[\"a\"]}]}";

    JsonNode fromToml = apply("?dry_run=true", "application/toml", toml).json();
    JsonNode fromJson = apply("?dry_run=true", "application/json", json).json();
    JsonNode byParam = apply("?dry_run=true&format=toml", "text/plain", toml).json();

    assertEquals("[[\"a\"],[\"b\"]]", fromToml.get("levels").toString());
    assertEquals(fromToml.get("levels"), fromJson.get("levels"));
    assertEquals(fromToml.get("levels"), byParam.get("levels"));
    assertTrue(started.runs.isEmpty(), "a dry run starts nothing");
  }

  @Test
  void badGraphsAreRefusedWithWhatToFix() {
    String cycle =
        "defaults: {tool: fake}\ntasks:\n  - {name: a, prompt: x, depends_on: [b]}\n"
            + "  - {name: b, prompt: y, depends_on: [a]}\n";
    ApiClient.Reply looped = apply("?dir=" + dir, "application/yaml", cycle);
    assertEquals(400, looped.status(), looped.toString());
    assertTrue(looped.json().get("detail").asText().contains("->"), looped.body());

    ApiClient.Reply noFormat = apply("", "text/plain", GRAPH);
    assertEquals(415, noFormat.status(), noFormat.toString());
    assertTrue(noFormat.json().get("detail").asText().contains("application/yaml"));

    ApiClient.Reply nowhere = apply("", "application/yaml", GRAPH);
    assertEquals(400, nowhere.status(), nowhere.toString());
    assertTrue(nowhere.json().get("detail").asText().contains("?dir="), nowhere.body());

    ApiClient.Reply relative = apply("?dir=work", "application/yaml", GRAPH);
    assertEquals(400, relative.status(), relative.toString());

    ApiClient.Reply broken = apply("?dir=" + dir, "application/yaml", "tasks: [");
    assertEquals(400, broken.status(), broken.toString());

    ApiClient.Reply unknown = api.get("/api/tasks/0123456789abcdef");
    assertEquals(404, unknown.status(), unknown.toString());
    assertTrue(started.runs.isEmpty(), "nothing started: " + started.runs);
  }

  /** Records runs as running agents; tool {@code broken} is refused as an unknown tool is. */
  private final class RecordedRuns implements AgentControl {
    final List<String> runs = new CopyOnWriteArrayList<>();

    @Override
    public Agent run(RunRequest request) {
      if (request.tool().equals("broken")) {
        throw new InvalidInputException("unknown tool 'broken'");
      }
      String id = Long.toHexString(System.nanoTime()) + "0000";
      Instant now = Instant.now();
      Agent agent =
          new Agent(
              id,
              request.name(),
              request.tool(),
              request.context(),
              Machine.LOCAL,
              request.cwd(),
              request.prompt(),
              AgentStatus.RUNNING,
              null,
              null,
              null,
              now,
              now,
              null,
              null,
              1,
              request.options());
      platform.agents().save(agent);
      runs.add(request.name());
      return agent;
    }

    @Override
    public Agent stop(String id) {
      return platform.agents().find(id);
    }

    @Override
    public Agent kill(String id) {
      return platform.agents().find(id);
    }

    @Override
    public Agent retry(String id) {
      throw new InvalidInputException("no retry here");
    }

    @Override
    public void send(String id, String text, boolean enter) {}

    @Override
    public void keys(String id, List<String> keys) {}

    @Override
    public Screen output(String id, int lines) {
      return Screen.of("");
    }

    @Override
    public List<Agent> adopt() {
      return List.of();
    }
  }
}
