package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.RegistrationProof;
import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.Register;
import dev.cam.relay.protocol.Registered;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.RawLink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationIT {
  @TempDir Path dir;
  RelayServer relay;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    relay =
        new RelayServer(
            RelayConfig.local("127.0.0.1", 0)
                .withLimits(
                    RelayLimits.defaults()
                        .withTiming(Duration.ofMillis(700), Duration.ofSeconds(15))));
    relay.start();
  }

  @AfterEach
  void stop() {
    relay.close();
  }

  private String agents(URI base) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(base.resolve("api/agents"))
                .header("Authorization", "Bearer " + OriginServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void twoServersOnOneRelayStayApart() throws Exception {
    Path file = Files.writeString(dir.resolve("index.html"), "x");
    try (OriginServer alpha = new OriginServer("alpha", file);
        OriginServer beta = new OriginServer("beta", file);
        LinkedServer a =
            new LinkedServer(
                LinkedServer.settings(relay.uri(), alpha.origin()), ServerIdentity.generate());
        LinkedServer b =
            new LinkedServer(
                LinkedServer.settings(relay.uri(), beta.origin()), ServerIdentity.generate())) {
      URI aUrl = a.awaitConnected();
      URI bUrl = b.awaitConnected();

      assertTrue(agents(aUrl).contains("\"server\":\"alpha\""));
      assertTrue(agents(bUrl).contains("\"server\":\"beta\""));
      assertEquals(2, relay.metrics().servers());
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void registrationWithAnotherServersIdIsRefused(RawLink.Transport transport) throws Exception {
    ServerIdentity victim = ServerIdentity.generate();
    ServerIdentity attacker = ServerIdentity.generate();
    try (RawLink link = RawLink.connect(relay.uri(), transport)) {
      Hello hello = link.hello();
      long now = System.currentTimeMillis();
      byte[] signed =
          RegistrationProof.signedBytes(hello.nonce(), "127.0.0.1", now, victim.serverId());
      // The attacker signs with its own key but claims the victim's id.
      link.send(
          new Register(
                  attacker.publicKey(),
                  victim.serverId(),
                  "127.0.0.1",
                  now,
                  attacker.sign(signed),
                  new byte[0])
              .toFrame());

      Frame answer = link.next();
      assertEquals(FrameType.GOAWAY, answer.type());
      Reason reason = Reason.decode(answer);
      assertEquals(Reason.REFUSED, reason.code());
      assertTrue(reason.text().contains("does not match the public key"), reason.text());
      String closed = link.closed.get(5, TimeUnit.SECONDS);
      assertTrue(closed.startsWith(transport == RawLink.Transport.STREAM ? "EOF" : "1008"), closed);
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void signatureByAnotherKeyIsRefused(RawLink.Transport transport) throws Exception {
    ServerIdentity victim = ServerIdentity.generate();
    ServerIdentity attacker = ServerIdentity.generate();
    try (RawLink link = RawLink.connect(relay.uri(), transport)) {
      Hello hello = link.hello();
      long now = System.currentTimeMillis();
      byte[] signed =
          RegistrationProof.signedBytes(hello.nonce(), "127.0.0.1", now, victim.serverId());
      link.send(
          new Register(
                  victim.publicKey(),
                  victim.serverId(),
                  "127.0.0.1",
                  now,
                  attacker.sign(signed),
                  new byte[0])
              .toFrame());

      assertTrue(Reason.decode(link.next()).text().contains("signature does not verify"));
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void replayedRegistrationIsRefused(RawLink.Transport transport) throws Exception {
    ServerIdentity server = ServerIdentity.generate();
    Frame captured;
    try (RawLink first = RawLink.connect(relay.uri(), transport)) {
      captured = RawLink.register(server, first.hello(), "127.0.0.1").toFrame();
      first.send(captured);
      assertEquals(FrameType.REGISTERED, first.next().type());
    }
    try (RawLink replay = RawLink.connect(relay.uri(), transport)) {
      replay.hello();
      replay.send(captured);

      Frame answer = replay.next();
      assertEquals(FrameType.GOAWAY, answer.type());
      assertTrue(Reason.decode(answer).text().contains("forged or replayed"));
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void registrationSignedForAnotherRelayIsRefused(RawLink.Transport transport) throws Exception {
    try (RawLink link = RawLink.connect(relay.uri(), transport)) {
      link.send(
          RawLink.register(ServerIdentity.generate(), link.hello(), "relay.example").toFrame());
      assertTrue(Reason.decode(link.next()).text().contains("another relay"));
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void newRegistrationReplacesTheOldLinkAtOnce(RawLink.Transport transport) throws Exception {
    ServerIdentity server = ServerIdentity.generate();
    try (RawLink old = RawLink.connect(relay.uri(), transport);
        RawLink fresh = RawLink.connect(relay.uri(), transport)) {
      old.send(RawLink.register(server, old.hello(), "127.0.0.1").toFrame());
      assertEquals(FrameType.REGISTERED, old.next().type());

      fresh.send(RawLink.register(server, fresh.hello(), "127.0.0.1").toFrame());
      Registered registered = Registered.decode(fresh.next());

      assertEquals("/s/" + server.serverId() + "/", registered.pathPrefix());
      Frame goAway = old.next();
      assertEquals(Reason.REPLACED, Reason.decode(goAway).code());
      old.closed.get(5, TimeUnit.SECONDS);
      assertEquals(1, relay.metrics().servers());
    }
  }

  @ParameterizedTest
  @EnumSource(RawLink.Transport.class)
  void silentLinkIsClosedAfterTheHandshakeTimeout(RawLink.Transport transport) throws Exception {
    try (RawLink link = RawLink.connect(relay.uri(), transport)) {
      link.hello();
      String closed = link.closed.get(5, TimeUnit.SECONDS);
      assertTrue(closed.contains("timed out"), closed);
    }
  }

  @Test
  void frameLargerThanTheLimitEndsAStreamLink() throws Exception {
    try (RawLink link = RawLink.connect(relay.uri(), RawLink.Transport.STREAM)) {
      link.hello();
      link.sendRaw(ByteBuffer.allocate(16).putInt(0, Integer.MAX_VALUE));

      Reason reason = Reason.decode(link.next());
      assertEquals(Reason.PROTOCOL_ERROR, reason.code());
      assertTrue(reason.text().contains("frame size 2147483647"), reason.text());
      assertTrue(link.closed.get(5, TimeUnit.SECONDS).startsWith("EOF"));
      assertEquals(0, relay.metrics().servers());
    }
  }

  @Test
  void linkEndpointSaysHowToConnect() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(relay.uri().resolve("_relay/link")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("Upgrade: cam-relay-link"), response.body());
  }

  @Test
  void wrongAdmissionSecretIsRefusedWithAReason() throws Exception {
    relay.close();
    relay = new RelayServer(RelayConfig.local("127.0.0.1", 0).withAdmissionSecret("let-me-in"));
    relay.start();
    Path file = Files.writeString(dir.resolve("index.html"), "x");
    try (OriginServer origin = new OriginServer("alpha", file);
        LinkedServer wrong =
            new LinkedServer(
                LinkedServer.settings(relay.uri(), origin.origin()).withAdmissionSecret("guess"),
                ServerIdentity.generate());
        LinkedServer right =
            new LinkedServer(
                LinkedServer.settings(relay.uri(), origin.origin())
                    .withAdmissionSecret("let-me-in"),
                ServerIdentity.generate())) {
      right.awaitConnected();
      Await.until(
          Duration.ofSeconds(10),
          () -> wrong.link.status().detail().contains("admission secret does not match"),
          () -> "refusal, status " + wrong.link.status());
      assertEquals(LinkState.RECONNECTING, wrong.link.status().state());
    }
  }
}
