package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LookedUpOrigin;
import dev.cam.relay.link.ServerLink;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server restarts on another port: the link follows it without reconnecting. */
class OriginMovesIT {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private RelayServer relay;
  private OriginServer first;
  private OriginServer second;
  private ServerLink link;

  @AfterEach
  void stop() {
    if (link != null) {
      link.close();
    }
    if (relay != null) {
      relay.close();
    }
    for (OriginServer origin : new OriginServer[] {first, second}) {
      if (origin != null) {
        origin.close();
      }
    }
  }

  @Test
  void requestsFollowTheLocalServerToItsNewPort() throws Exception {
    Path page = Files.writeString(dir.resolve("index.html"), "hello");
    first = new OriginServer("first", page);
    relay = new RelayServer(RelayConfig.local("127.0.0.1", 0));
    relay.start();
    AtomicReference<OriginServer> running = new AtomicReference<>(first);
    AtomicInteger lookups = new AtomicInteger();
    LookedUpOrigin origins =
        new LookedUpOrigin(
            () -> {
              lookups.incrementAndGet();
              return URI.create(running.get().origin());
            });
    link =
        new ServerLink(
            LinkedServer.settings(relay.uri(), first.origin()),
            origins,
            ServerIdentity.generate(),
            status -> {});
    link.start();
    Await.until(
        Duration.ofSeconds(15),
        () -> link.status().publicUrl() != null,
        () -> "link to register; last status " + link.status());
    URI base = link.status().publicUrl();
    assertEquals("first", server(base));

    first.close();
    second = new OriginServer("second", page);
    running.set(second);

    assertEquals("second", server(base), "the first request after the move is retried there");
    assertEquals("second", server(base));
    assertEquals(2, lookups.get(), "looked up once at the start and once after the refusal");
    WsClient socket =
        WsClient.connect(
            client,
            URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws"),
            OriginServer.TOKEN);
    assertTrue(String.valueOf(socket.next()).contains("second"));
    socket.socket.abort();
  }

  private String server(URI base) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("api/agents"))
                .header("Authorization", "Bearer " + OriginServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    String body = response.body();
    return body.substring(body.indexOf("\"server\":\"") + 10, body.indexOf("\",\"prefix\""));
  }
}
