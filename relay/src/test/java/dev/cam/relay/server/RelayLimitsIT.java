package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.StreamResponse;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.RawLink;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelayLimitsIT {
  RelayServer relay;
  final HttpClient client = HttpClient.newHttpClient();

  private void start(RelayLimits limits) {
    relay = new RelayServer(RelayConfig.local("127.0.0.1", 0).withLimits(limits));
    relay.start();
  }

  @AfterEach
  void stop() {
    relay.close();
  }

  private RawLink registeredLink(ServerIdentity server) throws Exception {
    RawLink link = RawLink.connect(relay.uri());
    link.send(RawLink.register(server, link.hello(), "127.0.0.1").toFrame());
    assertEquals(FrameType.REGISTERED, link.next().type());
    return link;
  }

  private CompletableFuture<HttpResponse<String>> getAsync(ServerIdentity server) {
    URI uri = relay.uri().resolve("/s/" + server.serverId() + "/api/agents");
    return client.sendAsync(
        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void frameOverTheSizeLimitClosesTheLink() throws Exception {
    start(RelayLimits.defaults().withMaxPayload(4096));
    try (RawLink link = registeredLink(ServerIdentity.generate())) {
      link.socket.sendBinary(
          new Frame(FrameType.DATA, 0, 1, ByteBuffer.allocate(10_000)).encode(), true);
      String closed = link.closed.get(5, TimeUnit.SECONDS);
      assertTrue(closed.startsWith("1009"), closed);
    }
  }

  @Test
  void streamsPerServerAreLimited() throws Exception {
    start(RelayLimits.defaults().withMaxStreamsPerServer(2));
    ServerIdentity server = ServerIdentity.generate();
    try (RawLink link = registeredLink(server)) {
      CompletableFuture<HttpResponse<String>> first = getAsync(server);
      CompletableFuture<HttpResponse<String>> second = getAsync(server);
      Frame open1 = link.next();
      Frame open2 = link.next();
      assertEquals(FrameType.OPEN, open2.type());

      HttpResponse<String> third = getAsync(server).get(10, TimeUnit.SECONDS);
      assertEquals(503, third.statusCode());
      assertTrue(third.body().contains("too many concurrent requests"), third.body());

      for (Frame open : List.of(open1, open2)) {
        link.send(new StreamResponse(204, List.of()).toFrame(open.streamId(), true));
      }
      assertEquals(204, first.get(10, TimeUnit.SECONDS).statusCode());
      assertEquals(204, second.get(10, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void newStreamsAreRateLimited() throws Exception {
    start(RelayLimits.defaults().withStreamRate(1, 2));
    ServerIdentity server = ServerIdentity.generate();
    try (RawLink link = registeredLink(server)) {
      Thread answerer =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Frame open = link.next();
                    link.send(new StreamResponse(204, List.of()).toFrame(open.streamId(), true));
                  }
                } catch (Exception | AssertionError e) {
                  // the test is over
                }
              });
      answerer.setDaemon(true);
      answerer.start();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        statuses.add(getAsync(server).get(10, TimeUnit.SECONDS).statusCode());
      }
      assertEquals(List.of(204, 204, 429, 429), statuses);
    }
  }

  @Test
  void connectionsPerAddressAreLimited() throws Exception {
    start(RelayLimits.defaults().withPerIp(3, 8));
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        sockets.add(new Socket("127.0.0.1", relay.port()));
        assertEquals("HTTP/1.1 200", health(sockets.get(i)));
      }
      Socket fourth = new Socket("127.0.0.1", relay.port());
      sockets.add(fourth);
      assertEquals("closed", health(fourth));
      sockets.get(0).close();
      Await.until(
          Duration.ofSeconds(5),
          () -> {
            try (Socket again = new Socket("127.0.0.1", relay.port())) {
              return health(again).equals("HTTP/1.1 200");
            } catch (IOException e) {
              return false;
            }
          },
          () -> "a slot to free up after a connection closed");
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Sends a health check on a raw socket: the status line, or "closed". */
  private static String health(Socket socket) throws IOException {
    socket.setSoTimeout(5000);
    try {
      socket
          .getOutputStream()
          .write(
              "GET /_relay/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] head = socket.getInputStream().readNBytes(12);
      return head.length < 12 ? "closed" : new String(head, StandardCharsets.US_ASCII);
    } catch (SocketException e) {
      return "closed";
    }
  }

  @Test
  void pendingHandshakesPerAddressAreLimited() throws Exception {
    start(RelayLimits.defaults().withPerIp(256, 2));
    try (RawLink a = RawLink.connect(relay.uri());
        RawLink b = RawLink.connect(relay.uri())) {
      b.hello();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> RawLink.connect(relay.uri()));
      WebSocketHandshakeException refused =
          assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
      assertEquals(429, refused.getResponse().statusCode());
      a.send(RawLink.register(ServerIdentity.generate(), a.hello(), "127.0.0.1").toFrame());
      assertEquals(FrameType.REGISTERED, a.next().type());
      // a registered link no longer counts as pending
      RawLink.connect(relay.uri()).close();
    }
  }

  @Test
  void serverBreakingTheProtocolLosesOnlyThatStream() throws Exception {
    start(RelayLimits.defaults());
    ServerIdentity server = ServerIdentity.generate();
    try (RawLink link = registeredLink(server)) {
      CompletableFuture<HttpResponse<String>> response = getAsync(server);
      Frame open = link.next();
      link.send(new Frame(FrameType.DATA, 0, open.streamId(), ByteBuffer.allocate(10)));

      assertEquals(FrameType.RESET, link.next().type());
      HttpResponse<String> answer = response.get(10, TimeUnit.SECONDS);
      assertEquals(502, answer.statusCode());
      assertTrue(answer.body().contains("broke the relay protocol"), answer.body());
      CompletableFuture<HttpResponse<String>> next = getAsync(server);
      Frame again = link.next();
      link.send(new StreamResponse(204, List.of()).toFrame(again.streamId(), true));
      assertEquals(204, next.get(10, TimeUnit.SECONDS).statusCode());
    }
    relayHasNoStreamsLeft();
  }

  private void relayHasNoStreamsLeft() {
    Await.until(
        Duration.ofSeconds(5),
        () -> relay.metrics().streams() == 0 && relay.metrics().reservedBytes() == 0,
        () -> "streams to end: " + relay.metrics());
  }
}
