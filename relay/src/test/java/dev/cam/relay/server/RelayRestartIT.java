package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.RelayProcess;
import dev.cam.relay.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayRestartIT {
  @TempDir Path dir;

  @Test
  void linkComesBackByItselfAfterTheRelayIsKilledAndRestarted() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Path identityFile = dir.resolve("identity");
    RelayProcess relay = RelayProcess.start(List.of(), "--host", "127.0.0.1", "--port", "0");
    int port = relay.uri.getPort();
    try (OriginServer origin =
            new OriginServer("alpha", Files.writeString(dir.resolve("index.html"), "x"));
        LinkedServer server =
            new LinkedServer(
                LinkedServer.settings(relay.uri, origin.origin()),
                ServerIdentity.loadOrCreate(identityFile))) {
      URI base = server.awaitConnected();
      URI events = URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws");
      WsClient follower = WsClient.connect(client, events, OriginServer.TOKEN);
      assertTrue(((String) follower.next()).contains("hello"));

      relay.kill();
      follower.closed.get(10, TimeUnit.SECONDS);
      Await.until(
          Duration.ofSeconds(10),
          () -> server.link.status().state() == LinkState.RECONNECTING,
          () -> "the link to notice, status " + server.link.status());

      relay = RelayProcess.start(List.of(), "--host", "127.0.0.1", "--port", String.valueOf(port));
      URI again = server.awaitConnected();

      assertEquals(base, again, "the server keeps its address across relay restarts");
      HttpResponse<String> agents =
          client.send(
              HttpRequest.newBuilder(again.resolve("api/agents"))
                  .header("Authorization", "Bearer " + OriginServer.TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, agents.statusCode());
      WsClient resumed = WsClient.connect(client, events, OriginServer.TOKEN);
      assertTrue(((String) resumed.next()).contains("hello"));
      resumed.socket.sendText("after restart", true).get(5, TimeUnit.SECONDS);
      assertEquals("after restart", resumed.next());
    } finally {
      relay.close();
    }
  }

  @Test
  void webSocketClientsAreToldWhenTheirServerGoesOffline() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    try (RelayServer relay = new RelayServer(RelayConfig.local("127.0.0.1", 0));
        OriginServer origin =
            new OriginServer("alpha", Files.writeString(dir.resolve("index.html"), "x"))) {
      relay.start();
      LinkedServer server =
          new LinkedServer(
              LinkedServer.settings(relay.uri(), origin.origin()), ServerIdentity.generate());
      URI base = server.awaitConnected();
      WsClient follower =
          WsClient.connect(
              client,
              URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws"),
              OriginServer.TOKEN);
      follower.next();

      server.close();

      String closed = follower.closed.get(10, TimeUnit.SECONDS);
      assertTrue(closed.startsWith("1001"), closed);
      assertTrue(closed.contains("disconnected from the relay"), closed);
      HttpResponse<String> offline =
          client.send(
              HttpRequest.newBuilder(base.resolve("api/agents")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(503, offline.statusCode());
      assertTrue(offline.body().contains("not connected"), offline.body());
    }
  }
}
