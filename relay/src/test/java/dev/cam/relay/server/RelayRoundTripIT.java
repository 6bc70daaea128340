package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Clients reach a linked server through the relay; a subclass runs the same over another link. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayRoundTripIT {
  Path dir;
  RelayServer relay;
  OriginServer origin;
  LinkedServer server;
  URI base;
  byte[] page;
  static final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Where the server links to, given the relay's address. */
  URI linkTo(URI relayUri) throws Exception {
    return relayUri;
  }

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("relay-round-trip");
    page = "<html><script src=\"app.js\"></script>ünïcode</html>".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("index.html"), page);
    origin = new OriginServer("alpha", file);
    relay = new RelayServer(RelayConfig.local("127.0.0.1", 0));
    relay.start();
    server =
        new LinkedServer(
            LinkedServer.settings(linkTo(relay.uri()), origin.origin()), ServerIdentity.generate());
    base = server.awaitConnected();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    relay.close();
    origin.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** How many servers the relay sees linked over a WebSocket in this class's setting. */
  int expectedWebSocketLinks() {
    return 0;
  }

  @Test
  void linkUsesTheExpectedTransport() {
    assertEquals(1, relay.metrics().servers());
    assertEquals(expectedWebSocketLinks(), relay.metrics().webSocketLinks());
  }

  @Test
  void restCallReachesTheServerWithItsTokenAndPrefix() throws Exception {
    HttpResponse<String> response =
        get(base.resolve("api/agents?state=running"), OriginServer.TOKEN);

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
    String prefix = "/s/" + server.link.serverId();
    assertEquals(
        "{\"server\":\"alpha\",\"prefix\":\"" + prefix + "\",\"query\":\"state=running\"}",
        response.body());
  }

  @Test
  void serverDecidesWhoGetsIn() throws Exception {
    assertEquals(401, get(base.resolve("api/agents"), null).statusCode());
    assertEquals(401, get(base.resolve("api/agents"), "wrong").statusCode());
  }

  @Test
  void staticFileArrivesByteForByte() throws Exception {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("index.html")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertArrayEquals(page, response.body());
  }

  @Test
  void largeUploadArrivesWhole() throws Exception {
    byte[] body = new byte[8 * 1024 * 1024 + 17];
    new Random(7).nextBytes(body);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
    assertEquals("{\"bytes\":" + body.length + ",\"sha256\":\"" + sha256 + "\"}", response.body());
  }

  @Test
  void bodyIsEchoedBack() throws Exception {
    byte[] body = new byte[100_000];
    new Random(5).nextBytes(body);
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/echo"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("application/octet-stream", response.headers().firstValue("content-type").get());
    assertArrayEquals(body, response.body());
  }

  @Test
  void chunkedUploadIsEchoedBack() throws Exception {
    byte[] body = "streamed without a length".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/echo"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals("streamed without a length", response.body());
  }

  @Test
  void largeDownloadArrivesWhole() throws Exception {
    HttpResponse<java.io.InputStream> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("download?bytes=" + (20 * 1024 * 1024))).build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long total;
    try (var in = response.body()) {
      total = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertEquals(20 * 1024 * 1024, total);
  }

  @Test
  void webSocketMessagesPassBothWays() throws Exception {
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws");
    WsClient socket = WsClient.connect(client, ws, OriginServer.TOKEN, "cam.v1");

    assertEquals("cam.v1", socket.socket.getSubprotocol());
    assertEquals("{\"type\":\"hello\",\"server\":\"alpha\"}", socket.next());
    socket.socket.sendText("ping ✓", true).get(5, TimeUnit.SECONDS);
    assertEquals("ping ✓", socket.next());
    byte[] big = new byte[700_000];
    new Random(3).nextBytes(big);
    socket.socket.sendBinary(ByteBuffer.wrap(big), true).get(5, TimeUnit.SECONDS);
    assertEquals(ByteBuffer.wrap(big), socket.next());
    socket.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
    assertTrue(socket.closed.get(5, TimeUnit.SECONDS).startsWith("1000"));
  }

  @Test
  void webSocketWithoutTokenIsRefusedByTheServer() {
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> WsClient.connect(client, ws, null));
    WebSocketHandshakeException refused =
        assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(401, refused.getResponse().statusCode());
  }

  @Test
  void serverAddressWithoutSlashRedirectsSoRelativePathsWork() throws Exception {
    String noSlash = base.toString().substring(0, base.toString().length() - 1);
    HttpResponse<String> response = get(URI.create(noSlash + "?x=1"), null);
    assertEquals(308, response.statusCode());
    assertEquals(
        "/s/" + server.link.serverId() + "/?x=1",
        response.headers().firstValue("location").orElse(""));
  }

  @Test
  void offlineServerGets503WithAReason() throws Exception {
    String absent = ServerIdentity.generate().serverId();
    HttpResponse<String> response = get(relay.uri().resolve("/s/" + absent + "/api/agents"), null);
    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("is not connected to this relay"), response.body());
    assertTrue(response.headers().firstValue("retry-after").isPresent());
  }

  @Test
  void unknownPathsExplainTheRelay() throws Exception {
    HttpResponse<String> response = get(relay.uri().resolve("/elsewhere"), null);
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("/s/<server-id>/"), response.body());
  }

  @Test
  void streamsEndCleanly() throws Exception {
    get(base.resolve("api/agents"), OriginServer.TOKEN);
    Await.until(
        Duration.ofSeconds(5),
        () -> relay.metrics().streams() == 0 && relay.metrics().bufferedBytes() == 0,
        () -> "streams to end: " + relay.metrics());
    assertEquals(0, relay.metrics().reservedBytes());
  }
}
