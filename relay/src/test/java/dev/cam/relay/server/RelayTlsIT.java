package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.TestCertificates;
import dev.cam.relay.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayTlsIT {
  @TempDir static Path dir;
  static TestCertificates certificates;
  static OriginServer origin;

  @BeforeAll
  static void prepare() throws Exception {
    certificates = TestCertificates.create(dir);
    origin = new OriginServer("alpha", Files.writeString(dir.resolve("index.html"), "x"));
  }

  @AfterAll
  static void stop() {
    origin.close();
  }

  private void throughTls(TlsSettings tls) throws Exception {
    try (RelayServer relay = new RelayServer(RelayConfig.local("127.0.0.1", 0).withTls(tls))) {
      relay.start();
      assertEquals("https", relay.uri().getScheme());
      try (LinkedServer server =
          new LinkedServer(
              LinkedServer.settings(relay.uri(), origin.origin())
                  .withCaFile(certificates.certificatePem),
              ServerIdentity.generate())) {
        URI base = server.awaitConnected();
        assertEquals("https", base.getScheme());
        HttpClient client =
            HttpClient.newBuilder().sslContext(certificates.clientContext()).build();

        HttpResponse<String> agents =
            client.send(
                HttpRequest.newBuilder(base.resolve("api/agents"))
                    .header("Authorization", "Bearer " + OriginServer.TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, agents.statusCode());
        assertTrue(agents.body().contains("alpha"));
        WsClient events =
            WsClient.connect(
                client,
                URI.create(base.toString().replaceFirst("^https", "wss") + "api/ws"),
                OriginServer.TOKEN);
        assertTrue(((String) events.next()).contains("hello"));
      }
    }
  }

  @Test
  void relayServesTlsFromAKeystore() throws Exception {
    throughTls(TlsSettings.keystore(certificates.keystore, TestCertificates.PASSWORD));
  }

  @Test
  void relayServesTlsFromPemFiles() throws Exception {
    throughTls(TlsSettings.pem(certificates.certificatePem, certificates.keyPem));
  }

  @Test
  void linkRefusesARelayItsTrustDoesNotCover() throws Exception {
    TlsSettings tls = TlsSettings.pem(certificates.certificatePem, certificates.keyPem);
    try (RelayServer relay = new RelayServer(RelayConfig.local("127.0.0.1", 0).withTls(tls))) {
      relay.start();
      LinkedServer server =
          new LinkedServer(
              LinkedServer.settings(relay.uri(), origin.origin()), ServerIdentity.generate());
      Await.until(
          Duration.ofSeconds(10),
          () -> server.link.status().detail().contains("SSLHandshakeException"),
          () -> "a certificate failure, status " + server.link.status());
      assertEquals(LinkState.RECONNECTING, server.link.status().state());
      assertEquals(0, relay.metrics().servers());
      server.close();
    }
  }

  @Test
  void linkRefusesARelayWhoseCertificateNamesAnotherHost() throws Exception {
    TestCertificates elsewhere =
        TestCertificates.create(dir.resolve("elsewhere"), "dns:relay.example");
    TlsSettings tls = TlsSettings.pem(elsewhere.certificatePem, elsewhere.keyPem);
    try (RelayServer relay = new RelayServer(RelayConfig.local("127.0.0.1", 0).withTls(tls))) {
      relay.start();
      LinkedServer server =
          new LinkedServer(
              LinkedServer.settings(relay.uri(), origin.origin())
                  .withCaFile(elsewhere.certificatePem),
              ServerIdentity.generate());
      // the CA file makes the certificate trusted; only its name is wrong for 127.0.0.1
      Await.until(
          Duration.ofSeconds(10),
          () -> server.link.status().detail().contains("127.0.0.1"),
          () -> "a host name failure, status " + server.link.status());
      assertTrue(server.link.status().detail().contains("SSLHandshakeException"));
      assertEquals(0, relay.metrics().servers());
      server.close();
    }
  }
}
