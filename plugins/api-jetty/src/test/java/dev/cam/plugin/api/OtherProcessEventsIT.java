package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.ws.WsLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events and agent changes written to the same store by another JVM (as a {@code cam run} does)
 * reach WebSocket clients live and show in the agent list at once.
 */
class OtherProcessEventsIT {
  private static final String TOKEN = "other-token-0123456789abcdefghijklmnopqrstuv";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);
  @TempDir Path dir;
  private TestPlatform platform;
  private JettyApiFrontend frontend;
  private ApiClient api;
  private String ws;
  private Writer writer;

  @BeforeEach
  void start() {
    platform = new TestPlatform(dir, Map.of());
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS);
    frontend = new JettyApiFrontend(platform, settings);
    frontend.start();
    URI base = frontend.uri();
    api = new ApiClient(URI.create(base.resolve("/").toString().replaceAll("/$", "")), TOKEN);
    ws = base.toString().replace("http://", "ws://") + "/ws";
  }

  @AfterEach
  void stop() {
    if (writer != null) {
      writer.process.destroyForcibly();
    }
    frontend.stop();
    platform.close();
  }

  @Test
  void eventsStoredByAnotherProcessReachLiveClientsInOrderAndOnce() throws Exception {
    String local = "10ca1000000000000000000a";
    platform
        .agents()
        .save(RestApiIT.agent(local, "fake", null, AgentStatus.RUNNING, Instant.now()));
    try (WsClient client = WsClient.open(URI.create(ws), BEARER)) {
      long from = client.until("ready", WAIT).get("last_seq").asLong();
      Thread publisher =
          new Thread(
              () -> {
                for (int i = 0; i < 300; i++) {
                  platform.events().publish(local, EventTypes.STATE_CHANGE, Map.of("i", i));
                }
              });
      writer = Writer.start(platform.dataDir(), "f0e1000000000000000000aa", 300, dir);
      publisher.start();
      writer.await("ready");
      publisher.join();
      writer.go();
      writer.await("done");

      List<Long> stored =
          platform.events().since(from, null, 0).stream().map(AgentEvent::seq).toList();
      assertEquals(601, stored.size(), "300 local events, 300 + 1 foreign ones");
      assertEquals(stored, client.seqsUntil(stored.get(stored.size() - 1), WAIT));
    }
  }

  @Test
  void anotherProcessesAgentChangeShowsInTheListAndTheAgentsStreamAtOnce() throws Exception {
    String id = "f0e2000000000000000000aa";
    writer = Writer.start(platform.dataDir(), id, 1, dir);
    writer.await("ready");
    assertEquals("running", status(api.get("/api/agents").json(), id));
    assertEquals("running", status(api.get("/api/agents").json(), id), "served from the cache");
    try (WsClient client = WsClient.open(URI.create(ws + "?agent_id=" + id + "&since=0"), BEARER)) {
      assertEquals(1, client.until("ready", WAIT).get("replayed").asInt());

      writer.go();
      writer.await("done");

      JsonNode live = client.until("event", WAIT);
      assertEquals("status_change", live.get("event").asText());
      assertEquals("completed", live.get("detail").get("to").asText());
      assertEquals("completed", status(api.get("/api/agents").json(), id));
    }
  }

  private static String status(JsonNode list, String id) {
    for (JsonNode a : list.get("agents")) {
      if (a.get("id").asText().equals(id)) {
        return a.get("status").asText();
      }
    }
    throw new AssertionError("agent " + id + " not listed: " + list);
  }

  /** The other JVM, stepped through its stdout and stdin. */
  private record Writer(Process process, BufferedReader out, Path log) {
    static Writer start(Path data, String agentId, int events, Path dir) throws IOException {
      Path log = Files.createTempFile(dir, "foreign-", ".log");
      Process p =
          new ProcessBuilder(ForeignWriter.command(data, agentId, events))
              .redirectError(log.toFile())
              .start();
      return new Writer(
          p,
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
          log);
    }

    /** Reads stdout up to the line; the other JVM's errors when it ends first. */
    void await(String line) throws IOException, InterruptedException {
      for (String l = out.readLine(); l != null; l = out.readLine()) {
        if (l.equals(line)) {
          return;
        }
      }
      process.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(
          "the other process ended before '" + line + "': " + Files.readString(log));
    }

    void go() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }
  }
}
