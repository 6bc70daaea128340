package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests as the relay link hands them to the API: from the loopback interface, with the relay's
 * {@code X-Forwarded-*} headers naming each client.
 */
class RelayClientsIT {
  private static final String TOKEN = "relay-token-0123456789abcdefghijklmnopqrstuv";
  private static final String RELAY = "relay.example:8443";
  @TempDir Path dir;
  private TestPlatform platform;
  private JettyApiFrontend frontend;
  private ApiClient api;

  @BeforeEach
  void start() {
    platform = new TestPlatform(dir, Map.of());
    frontend =
        new JettyApiFrontend(
            platform, ApiSettings.defaults("127.0.0.1", 0).with(TOKEN, List.of(), false));
    frontend.start();
    api = new ApiClient(URI.create(frontend.uri().toString().replaceAll("/api$", "")), null);
  }

  @AfterEach
  void stop() {
    frontend.stop();
    platform.close();
  }

  private static Map<String, String> viaRelay(String client) {
    return Map.of(
        "X-Forwarded-For",
        "10.9.9.9, " + client,
        "X-Forwarded-Prefix",
        "/s/abcdefghijklmnopqrstuvwxyz/",
        "X-Forwarded-Proto",
        "https",
        "X-Forwarded-Host",
        RELAY);
  }

  private int get(String token, Map<String, String> headers) {
    return api.send("GET", "/api/agents", null, token, headers).status();
  }

  @Test
  void oneRelayClientsWrongTokensDoNotLockOutTheOthers() {
    for (int i = 0; i < 10; i++) {
      assertEquals(401, get("wrong", viaRelay("203.0.113.9")));
    }
    ApiClient.Reply limited = api.send("GET", "/api/agents", null, TOKEN, viaRelay("203.0.113.9"));
    assertEquals(429, limited.status(), "the guessing client is refused, even with the token");
    assertTrue(limited.json().get("detail").asText().contains("203.0.113.9"), limited.body());

    assertEquals(200, get(TOKEN, viaRelay("198.51.100.7")), "another phone through the relay");
    assertEquals(200, get(TOKEN, Map.of()), "a client on this machine");
    assertEquals(401, get("wrong", viaRelay("198.51.100.7")), "others may still mistype");
  }

  @Test
  void manyGuessingClientsAreHeldToOneGuessEachWhileCleanOnesGetIn() {
    for (int client = 0; client < 10; client++) {
      for (int i = 0; i < 10; i++) {
        assertEquals(401, get("wrong", viaRelay("192.0.2." + client)));
      }
    }
    assertEquals(401, get("wrong", viaRelay("192.0.2.200")), "its first wrong token");
    assertEquals(429, get("wrong", viaRelay("192.0.2.200")), "past the ceiling: one each");
    assertEquals(429, get(TOKEN, viaRelay("192.0.2.200")));

    assertEquals(200, get(TOKEN, viaRelay("198.51.100.7")), "a client that never guessed");
    assertEquals(200, get(TOKEN, Map.of()));
  }

  @Test
  void theWebSocketAcceptsThePageTheRelayServedAndNoOther() {
    String ws = frontend.uri().toString().replace("http://", "ws://") + "/ws?token=" + TOKEN;
    Map<String, String> relayed = viaRelay("203.0.113.9");

    try (WsClient same = WsClient.open(URI.create(ws), with(relayed, "https://" + RELAY))) {
      same.until("ready", Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    assertEquals(403, refusedUpgrade(ws, with(relayed, "https://evil.example")));
    assertEquals(403, refusedUpgrade(ws, with(Map.of(), "https://" + RELAY)), "not via the relay");
  }

  private static Map<String, String> with(Map<String, String> headers, String origin) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Origin", origin);
    return all;
  }

  private static int refusedUpgrade(String uri, Map<String, String> headers) {
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(b::header);
    try {
      b.buildAsync(URI.create(uri), new WebSocket.Listener() {}).join().abort();
      throw new AssertionError("the upgrade was accepted");
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }
}
