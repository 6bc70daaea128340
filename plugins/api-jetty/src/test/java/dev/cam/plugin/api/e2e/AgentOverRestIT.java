package dev.cam.plugin.api.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.Frontend;
import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import dev.cam.plugin.api.JettyApiFrontend;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent driven only through the API: the real kernel (config, store, agent manager, monitor)
 * finds the API front-end, the tmux transport and a fake tool as extensions, the agent is the test
 * kit's fake TUI in real tmux on a private socket, and the test speaks HTTP and WebSocket.
 */
class AgentOverRestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "e2e-token-0123456789abcdefghijklmnopqrstuvwx";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path temp;
  private Path socket;
  private Kernel kernel;
  private Frontend frontend;
  private URI api;

  @BeforeEach
  void start() {
    Prerequisites.tmux();
    // unix socket paths are short: keep it in /tmp whatever the checkout's path
    socket = Path.of("/tmp", "cam-api-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
    Map<String, String> env = new HashMap<>();
    env.put("HOME", temp.resolve("home").toString());
    env.put("CAM_CONFIG_DIR", temp.resolve("config").toString());
    env.put("CAM_DATA_DIR", temp.resolve("data").toString());
    env.put("CAM_TMUX_SOCKET", socket.toString());
    env.put("CAM_SERVER_PORT", "0");
    env.put("CAM_SERVER_TOKEN", TOKEN);
    kernel = new Kernel(temp.resolve("cam-home"), env, temp, LaunchOptions.NONE);
    frontend =
        kernel.extensions(Frontend.class).stream()
            .filter(f -> f.id().equals("api"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the kernel found no API front-end"));
    frontend.start();
    api = ((JettyApiFrontend) frontend).uri();
  }

  @AfterEach
  void stop() throws Exception {
    if (frontend != null) {
      frontend.stop();
    }
    if (kernel != null) {
      kernel.close();
    }
    new ProcessBuilder("tmux", "-S", socket.toString(), "kill-server")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor(10, TimeUnit.SECONDS);
    Files.deleteIfExists(socket);
  }

  @Test
  void anAgentRunsWaitsForPermissionIsAnsweredOverRestAndCompletes() throws Exception {
    Path script =
        FakeAgent.script(
            temp,
            "ready",
            "busy 300ms Thinking",
            "permission Write hello.txt",
            "busy 300ms Writing",
            "done Wrote hello.txt");
    Events events = Events.open(http, api, TOKEN);
    events.until(f -> f.path("type").asText().equals("ready"));

    JsonNode agent = run(script, false);
    String id = agent.get("id").asText();
    events.until(f -> status(f, id, "running"));
    JsonNode waiting = events.until(f -> status(f, id, "waiting"));
    assertEquals("waiting", call("GET", "/agents/" + id, null).json().get("status").asText());
    String screen = call("GET", "/agents/" + id + "/output", null).json().get("lines").toString();
    assertTrue(screen.contains("Do you want to proceed?"), screen);

    assertEquals(204, call("POST", "/agents/" + id + "/input", "{\"keys\":[\"1\"]}").status);

    events.until(f -> status(f, id, "completed"));
    assertEquals("completed", call("GET", "/agents/" + id, null).json().get("status").asText());
    events.close();
    JsonNode all = call("GET", "/agents/" + id + "/logs", null).json().get("entries");
    JsonNode tail = call("GET", "/agents/" + id + "/logs?tail=2", null).json().get("entries");
    long after = waiting.get("seq").asLong();
    JsonNode since =
        call("GET", "/agents/" + id + "/logs?since=" + after, null).json().get("entries");
    assertTrue(all.size() > 3, all.toString());
    assertEquals(2, tail.size(), tail.toString());
    assertEquals(all.get(all.size() - 1), tail.get(1));
    assertTrue(since.size() < all.size(), since.toString());
    for (JsonNode entry : since) {
      assertTrue(!entry.has("seq") || entry.get("seq").asLong() > after, entry.toString());
    }
  }

  @Test
  void anAgentIsStoppedRetriedAndKilledOverRest() throws Exception {
    Path script = FakeAgent.script(temp, "ready", "busy 60s Working");
    String id = run(script, true).get("id").asText();
    awaitStatus(id, "running");

    Reply stopped = call("DELETE", "/agents/" + id + "?mode=stop", null);
    assertEquals(200, stopped.status, stopped.body);
    assertEquals("killed", stopped.json().get("status").asText());
    Reply retried = call("POST", "/agents/" + id + "/retry", "");
    assertEquals(200, retried.status, retried.body);
    assertEquals(2, retried.json().get("attempt").asInt());
    awaitStatus(id, "running");
    Reply killed = call("DELETE", "/agents/" + id, null);
    assertEquals("killed", killed.json().get("status").asText());
    Reply input = call("POST", "/agents/" + id + "/input", "{\"text\":\"more\"}");
    assertEquals(400, input.status, "no live session: " + input.body);
  }

  @Test
  void aTaskGraphAppliedOverRestRunsItsAgentsInOrderThroughTheKernel() throws Exception {
    Path script = FakeAgent.script(temp, "ready", "busy 200ms Working", "done");
    String graph =
        "defaults: {tool: fake}\n"
            + "tasks:\n"
            + "  - {name: schema, prompt: add the table, env: {FAKE_SCRIPT: "
            + script
            + "}}\n"
            + "  - {name: api, prompt: add the endpoint, depends_on: [schema], env: {FAKE_SCRIPT: "
            + script
            + "}}\n";
    HttpRequest apply =
        HttpRequest.newBuilder(URI.create(api + "/tasks/apply?dir=" + temp))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(graph))
            .build();
    HttpResponse<String> created = http.send(apply, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    String id = JSON.readTree(created.body()).get("id").asText();

    JsonNode done =
        Await.value(
            () -> call("GET", "/tasks/" + id, null).json(),
            g -> !g.get("status").asText().equals("running"),
            Duration.ofSeconds(60));
    assertEquals("completed", done.get("status").asText(), done.toString());
    JsonNode schema = done.get("tasks").get(0);
    JsonNode second = done.get("tasks").get(1);
    assertEquals("completed", schema.get("agent_status").asText());
    assertEquals("completed", second.get("agent_status").asText());
    assertTrue(
        !java.time.Instant.parse(second.get("started_at").asText())
            .isBefore(java.time.Instant.parse(schema.get("finished_at").asText())),
        "api started after schema ended: " + done);
  }

  private JsonNode run(Path script, boolean autoConfirm) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "tool",
                "fake",
                "prompt",
                "write hello.txt",
                "cwd",
                temp.toString(),
                "auto_confirm",
                autoConfirm,
                "env",
                Map.of("FAKE_SCRIPT", script.toString())));
    Reply created = call("POST", "/agents", body);
    assertEquals(201, created.status, created.body);
    return created.json();
  }

  private void awaitStatus(String id, String status) {
    Await.value(
        () -> call("GET", "/agents/" + id, null).json().get("status").asText(),
        status::equals,
        WAIT);
  }

  private static boolean status(JsonNode frame, String id, String to) {
    return frame.path("type").asText().equals("event")
        && frame.path("agent_id").asText().equals(id)
        && frame.path("event").asText().equals("status_change")
        && frame.path("detail").path("to").asText().equals(to);
  }

  private Reply call(String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(WAIT)
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** The event stream: every frame of {@code /api/ws}, in order. */
  private static final class Events implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<JsonNode> seen = new java.util.ArrayList<>();
    private WebSocket socket;

    static Events open(HttpClient http, URI api, String token) {
      Events events = new Events();
      URI ws = URI.create(api.toString().replace("http://", "ws://") + "/ws?token=" + token);
      events.socket = http.newWebSocketBuilder().buildAsync(ws, events).join();
      return events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    JsonNode until(java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        JsonNode f = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (f == null) {
          throw new AssertionError("no such frame within " + WAIT + "; frames: " + seen);
        }
        seen.add(f);
        if (wanted.test(f)) {
          return f;
        }
      }
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }
}
