package dev.cam.distribution.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code cam serve --relay} behind the real relay, used as a phone or remote CLI would.
 */
class RelayLinkIT {
  @TempDir Path temp;
  private final Client client = new Client();
  private RelayRun relay;

  @BeforeEach
  void startRelay() throws Exception {
    relay = RelayRun.start(0);
  }

  @AfterEach
  void stopRelay() throws Exception {
    relay.close();
  }

  @Test
  void restEventsAndWebAppPassThroughTheRelay() throws Exception {
    try (ServeRun server = ServeRun.start(temp.resolve("a"), relay.uri)) {
      awaitRelayState(server, "connected");
      URI phone = server.phone;
      assertTrue(phone.toString().startsWith(relay.uri + "s/"), phone.toString());

      JsonNode health = client.json(phone.resolve("api/system/health"), server.token);
      assertEquals("connected", health.path("relay").path("state").asText(), health.toString());
      assertEquals(phone.toString(), health.path("relay").path("url").asText());
      assertTrue(client.json(phone.resolve("api/agents"), server.token).path("agents").isArray());
      assertEquals(401, client.get(phone.resolve("api/agents"), null).statusCode());
      HttpResponse<String> page = client.get(phone, null);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), page.body());
      assertEquals(200, client.get(phone.resolve("manifest.webmanifest"), null).statusCode());

      List<JsonNode> events = client.follow(phone, "?since=0", server.token).untilReady();
      assertTrue(
          events.stream().anyMatch(e -> e.path("event").asText().equals("relay.connected")),
          events.toString());
      Path identity = temp.resolve("a/config/relay-identity");
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)));
    }
  }

  @Test
  void twoServersOnOneRelayStayApart() throws Exception {
    try (ServeRun a = ServeRun.start(temp.resolve("a"), relay.uri);
        ServeRun b = ServeRun.start(temp.resolve("b"), relay.uri)) {
      awaitRelayState(a, "connected");
      awaitRelayState(b, "connected");
      assertNotEquals(a.phone, b.phone);
      assertEquals(
          b.phone.toString(),
          client
              .json(b.phone.resolve("api/system/health"), b.token)
              .path("relay")
              .path("url")
              .asText());
      assertEquals(401, client.get(b.phone.resolve("api/agents"), a.token).statusCode());
      assertEquals(401, client.get(a.phone.resolve("api/agents"), b.token).statusCode());
      assertEquals(200, client.get(a.phone.resolve("api/agents"), a.token).statusCode());
    }
  }

  @Test
  void clientResumesWithSinceAndMissesNothingWhenTheRelayIsKilledAndRestarted() throws Exception {
    try (ServeRun server = ServeRun.start(temp.resolve("a"), relay.uri)) {
      awaitRelayState(server, "connected");
      Client.Events first = client.follow(server.phone, "?since=0", server.token);
      List<JsonNode> before = first.untilReady();
      long seen = before.get(before.size() - 1).path("last_seq").asLong();
      int port = relay.uri.getPort();

      relay.kill();
      String closed = first.closed.get(20, TimeUnit.SECONDS);
      awaitRelayState(server, "reconnecting");
      relay = RelayRun.start(port);
      awaitRelayState(server, "connected");

      List<JsonNode> resumed =
          client.follow(server.phone, "?since=" + seen, server.token).untilReady();
      JsonNode ready = resumed.remove(resumed.size() - 1);
      long expected = seen;
      for (JsonNode event : resumed) {
        assertEquals(
            ++expected, event.path("seq").asLong(), "no gap after " + seen + ": " + resumed);
      }
      assertEquals(ready.path("last_seq").asLong(), expected, "everything stored came: " + resumed);
      List<String> types = resumed.stream().map(e -> e.path("event").asText()).toList();
      assertTrue(types.contains("relay.reconnecting"), closed + " " + types);
      assertEquals("relay.connected", types.get(types.size() - 1), types.toString());
    }
  }

  /** Asks the server itself, on loopback, how its link stands. */
  private void awaitRelayState(ServeRun server, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode health = null;
    while (System.nanoTime() < deadline) {
      health = client.json(server.api.resolve("api/system/health"), server.token).path("relay");
      if (health.path("state").asText().equals(state)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "relay link never "
            + state
            + ": "
            + health
            + "; cam serve printed "
            + server.output.text());
  }
}
