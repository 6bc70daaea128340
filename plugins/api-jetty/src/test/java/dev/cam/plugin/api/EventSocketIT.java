package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.ws.WsLimits;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSocketIT {
  static final String TOKEN = "ws-token-0123456789abcdefghijklmnopqrstuvwx";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);
  @TempDir static Path dir;
  static TestPlatform platform;
  static JettyApiFrontend frontend;
  static String ws;

  @BeforeAll
  static void start() {
    platform = new TestPlatform(dir, Map.of());
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(
                1024 * 1024,
                1000,
                new WsLimits(
                    1024, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
    frontend = new JettyApiFrontend(platform, settings);
    frontend.start();
    ws = frontend.uri().toString().replace("http://", "ws://") + "/ws";
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

  static String newAgent(String id) {
    platform.agents().save(RestApiIT.agent(id, "claude", null, AgentStatus.RUNNING, Instant.now()));
    return id;
  }

  static URI uri(String query) {
    return URI.create(ws + "?" + query);
  }

  static long publish(String agent, int i) {
    return platform.events().publish(agent, EventTypes.STATE_CHANGE, Map.of("i", i)).seq();
  }

  static List<Long> stored(String agent, long after) {
    return platform.events().since(after, agent, 0).stream().map(AgentEvent::seq).toList();
  }

  @Test
  void replaysStoredEventsThenLiveOnesWithNoGapAndNoDuplicate() throws Exception {
    String agent = newAgent("a1000000000000000000000a");
    long from = 0;
    for (int i = 0; i < 300; i++) {
      long seq = publish(agent, i);
      if (i == 99) {
        from = seq;
      }
    }
    AtomicLong last = new AtomicLong();
    Thread publisher =
        new Thread(
            () -> {
              for (int i = 300; i < 600; i++) {
                last.set(publish(agent, i));
              }
            });
    publisher.start();
    try (WsClient client = WsClient.open(uri("agent_id=a1000&since=" + from), BEARER)) {
      publisher.join();
      List<Long> seqs = client.seqsUntil(last.get(), WAIT);
      assertEquals(stored(agent, from), seqs);
    }
  }

  @Test
  void resumesAfterADisconnectWithoutLosingOrRepeatingEvents() throws Exception {
    String agent = newAgent("a2000000000000000000000a");
    AtomicLong last = new AtomicLong();
    Thread publisher =
        new Thread(
            () -> {
              for (int i = 0; i < 400; i++) {
                last.set(publish(agent, i));
              }
            });
    List<Long> seen = new ArrayList<>();
    try (WsClient first = WsClient.open(uri("agent_id=" + agent + "&since=0"), BEARER)) {
      first.until("ready", WAIT);
      publisher.start();
      while (seen.size() < 50) {
        JsonNode frame = first.next(WAIT);
        if (frame.has("seq")) {
          seen.add(frame.get("seq").asLong());
        }
      }
    }
    long resumeAfter = seen.get(seen.size() - 1);
    try (WsClient second =
        WsClient.open(
            uri("agent_id=" + agent + "&since=" + resumeAfter + "&token=" + TOKEN), Map.of())) {
      publisher.join();
      seen.addAll(second.seqsUntil(last.get(), WAIT));
    }
    assertEquals(stored(agent, 0), seen);
  }

  @Test
  void authenticatesByFirstMessage() throws Exception {
    String agent = newAgent("a3000000000000000000000a");
    try (WsClient client = WsClient.open(uri("agent_id=" + agent), Map.of())) {
      client.send("{\"type\":\"auth\",\"token\":\"" + TOKEN + "\"}");
      client.until("ready", WAIT);
      long seq = publish(agent, 1);
      JsonNode event = client.until("event", WAIT);
      assertEquals(seq, event.get("seq").asLong());
      assertEquals(agent, event.get("agent_id").asText());
      assertEquals("state_change", event.get("event").asText());
      assertEquals(1, event.get("detail").get("i").asInt());
      assertTrue(event.get("ts").asText().endsWith("Z"));
    }
  }

  @Test
  void aWrongFirstMessageTokenClosesTheSocket() throws Exception {
    try (WsClient client = WsClient.open(uri(""), Map.of())) {
      client.send("{\"type\":\"auth\",\"token\":\"nope\"}");
      String reason = client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(1008, client.closeCode);
      assertTrue(reason.contains("wrong token"), reason);
    }
  }

  @Test
  void aSocketThatNeverAuthenticatesIsClosed() throws Exception {
    try (WsClient client = WsClient.open(uri(""), Map.of())) {
      String reason = client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(1008, client.closeCode);
      assertTrue(reason.contains("auth"), reason);
    }
  }

  @Test
  void anUpgradeWithAWrongTokenIsRefused() {
    CompletionException e =
        assertThrows(CompletionException.class, () -> WsClient.open(uri("token=wrong"), Map.of()));
    WebSocketHandshakeException handshake = (WebSocketHandshakeException) e.getCause();
    assertEquals(401, handshake.getResponse().statusCode());
  }

  @Test
  void anUnknownAgentFilterIsRefused() {
    CompletionException e =
        assertThrows(
            CompletionException.class, () -> WsClient.open(uri("agent_id=ffffff"), BEARER));
    assertEquals(404, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
  }

  @Test
  void answersPingsAndPingMessages() throws Exception {
    try (WsClient client = WsClient.open(uri(""), BEARER)) {
      client.until("ready", WAIT);
      client.send("{\"type\":\"ping\"}");
      client.until("pong", WAIT);
      client.ping();
      client.pong.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      client.send("{\"type\":\"dance\"}");
      assertTrue(client.until("error", WAIT).get("detail").asText().contains("auth or ping"));
    }
  }

  @Test
  void outputArrivesAsLogFrames() throws Exception {
    String agent = newAgent("a4000000000000000000000a");
    try (WsClient client = WsClient.open(uri("agent_id=" + agent), BEARER)) {
      client.until("ready", WAIT);
      platform.events().publish(agent, EventTypes.OUTPUT, Map.of("lines", List.of("one", "two")));
      JsonNode log = client.until("log", WAIT);
      assertEquals("two", log.get("lines").get(1).asText());
      assertEquals(agent, log.get("agent_id").asText());
    }
  }

  @Test
  void hundredClientsReceiveEveryEvent() throws Exception {
    String agent = newAgent("a5000000000000000000000a");
    List<WsClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        clients.add(WsClient.open(uri("agent_id=" + agent), BEARER));
      }
      for (WsClient c : clients) {
        c.until("ready", WAIT);
      }
      AtomicLong last = new AtomicLong();
      Thread[] publishers = new Thread[2];
      for (int p = 0; p < publishers.length; p++) {
        publishers[p] =
            new Thread(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    last.accumulateAndGet(publish(agent, i), Math::max);
                  }
                });
        publishers[p].start();
      }
      for (Thread p : publishers) {
        p.join();
      }
      List<Long> expected = stored(agent, 0);
      assertEquals(200, expected.size());
      for (WsClient c : clients) {
        assertEquals(expected, c.seqsUntil(last.get(), WAIT));
      }
    } finally {
      clients.forEach(WsClient::close);
    }
  }

  @Test
  void aClientThatStopsReadingIsClosedWithAReason() throws Exception {
    TestPlatform own = new TestPlatform(dir.resolve("slow"), Map.of());
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(
                1024,
                1000,
                new WsLimits(
                    16, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)));
    JettyApiFrontend slowServer = new JettyApiFrontend(own, settings);
    slowServer.start();
    try (WsClient client =
        WsClient.open(
            URI.create(slowServer.uri().toString().replace("http", "ws") + "/ws"), BEARER, false)) {
      String big = "x".repeat(16 * 1024);
      int published = 0;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (slowServer.clients() > 0 && System.nanoTime() < deadline) {
        own.events().publish(null, "test_bulk", Map.of("payload", big));
        published++;
      }
      assertEquals(0, slowServer.clients(), "the stalled client is dropped");
      client.readAll();
      String reason = client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(1008, client.closeCode);
      assertTrue(reason.contains("too slow") && reason.contains("since="), reason);
      long received = client.frames.stream().filter(f -> f.has("seq")).count();
      assertTrue(received < published, received + " of " + published);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the stalled client saw no close frame", e);
    } finally {
      slowServer.stop();
      own.close();
    }
  }

  @Test
  void stoppingTheServerClosesClientsWithGoingAway() throws Exception {
    TestPlatform own = new TestPlatform(dir.resolve("stopping"), Map.of());
    JettyApiFrontend server =
        new JettyApiFrontend(
            own, ApiSettings.defaults("127.0.0.1", 0).with(TOKEN, List.of(), false));
    server.start();
    try (WsClient client =
        WsClient.open(URI.create(server.uri().toString().replace("http", "ws") + "/ws"), BEARER)) {
      client.until("ready", WAIT);
      server.stop();
      client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertEquals(1001, client.closeCode);
    } finally {
      server.stop();
      own.close();
    }
  }

  static List<Long> range(long fromExclusive, long toInclusive) {
    return LongStream.rangeClosed(fromExclusive + 1, toInclusive).boxed().toList();
  }

  static boolean distinct(List<Long> seqs) {
    return new HashSet<>(seqs).size() == seqs.size();
  }
}
