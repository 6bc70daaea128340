package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.ConfigException;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.push.PushSender;
import dev.cam.plugin.api.push.PushSubscriptions;
import dev.cam.plugin.api.push.VapidKeys;
import dev.cam.plugin.api.push.WebPush;
import dev.cam.plugin.api.ws.WsLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web Push end to end: a real API server sends to a push service on 127.0.0.1 that checks the VAPID
 * signature and decrypts each message with the subscriber's own private key; status changes stored
 * by another process (a second JVM on the same store) are sent too.
 */
class WebPushIT {
  static final String TOKEN = "push-token-0123456789abcdefghijklmnopqrstuv";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String AGENT = "c7000000000000000000000c";
  @TempDir static Path dir;
  static TestPlatform platform;
  static JettyApiFrontend frontend;
  static ApiClient api;
  static PushService service;

  @BeforeAll
  static void start() throws Exception {
    platform = new TestPlatform(dir, Map.of("server.push_subject", "mailto:ops@shop.example"));
    service = new PushService();
    startServer();
    Instant at = Instant.now().minusSeconds(60);
    platform
        .agents()
        .save(
            new Agent(
                AGENT,
                "checkout",
                "claude",
                "shop",
                null,
                "/work/shop",
                "a secret plan that must not travel",
                AgentStatus.RUNNING,
                AgentState.of("editing"),
                "tmux",
                "cam-c7000000",
                at,
                at,
                null,
                null,
                1,
                null));
  }

  static void startServer() {
    frontend =
        new JettyApiFrontend(
            platform,
            ApiSettings.defaults("127.0.0.1", 0)
                .with(TOKEN, List.of(), false)
                .withLimits(64 * 1024, 1000, WsLimits.DEFAULTS));
    frontend.start();
    api =
        new ApiClient(
            URI.create(frontend.uri().resolve("/").toString().replaceAll("/$", "")), TOKEN);
  }

  @AfterAll
  static void stop() {
    if (frontend != null) {
      frontend.stop();
    }
    if (service != null) {
      service.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @AfterEach
  void noErrors() {
    assertEquals(List.of(), service.errors);
    service.received.clear();
  }

  static void status(String from, String to) {
    platform.events().publish(AGENT, EventTypes.STATUS_CHANGE, Map.of("from", from, "to", to));
  }

  static int unsubscribe(String endpoint) {
    String body = "{\"endpoint\":\"" + endpoint + "\"}";
    return api.send(
            "DELETE",
            "/api/push/subscriptions",
            body,
            TOKEN,
            Map.of("Content-Type", "application/json"))
        .status();
  }

  static String publicKey() {
    ApiClient.Reply key = api.get("/api/push/key");
    assertEquals(200, key.status(), key.body());
    return key.json().get("public_key").asText();
  }

  @Test
  void aWaitingAgentReachesTheSubscribedBrowserSignedAndEncrypted() throws Exception {
    PushService.Subscriber phone = service.subscriber("phone");
    ApiClient.Reply subscribed = api.post("/api/push/subscriptions", phone.json());
    assertEquals(200, subscribed.status(), subscribed.body());

    status("running", "waiting");
    PushService.Message message = service.next(WAIT);
    assertEquals("phone", message.subscriber());
    assertEquals(
        "{\"agent_id\":\""
            + AGENT
            + "\",\"name\":\"checkout\",\"tool\":\"claude\",\"status\":\"waiting\"}",
        message.payload().toString());
    assertEquals(publicKey(), message.key());
    assertEquals("mailto:ops@shop.example", message.claims().path("sub").asText());
    assertEquals(
        Map.of(
            "Content-Encoding", "aes128gcm",
            "Content-Type", "application/octet-stream",
            "TTL", "86400",
            "Urgency", "high"),
        message.headers());
    assertEquals(204, unsubscribe(phone.endpoint()));
  }

  @Test
  void onlyFinishedFailedTimedOutOrWaitingAgentsAreSent() throws Exception {
    PushService.Subscriber laptop = service.subscriber("laptop");
    assertEquals(200, api.post("/api/push/subscriptions", laptop.json()).status());
    platform
        .events()
        .publish(AGENT, EventTypes.STATE_CHANGE, Map.of("from", "editing", "to", "testing"));
    status("waiting", "running");
    status("running", "failed");
    status("failed", "completed");
    assertEquals("failed", service.next(WAIT).payload().path("status").asText());
    assertEquals("completed", service.next(WAIT).payload().path("status").asText());
    assertEquals(204, unsubscribe(laptop.endpoint()));
    PushService.Subscriber witness = service.subscriber("witness");
    assertEquals(200, api.post("/api/push/subscriptions", witness.json()).status());
    status("completed", "waiting");
    assertEquals("witness", service.next(WAIT).subscriber());
    assertEquals(204, unsubscribe(witness.endpoint()));
  }

  @Test
  void anAgentOfAnotherProcessReachesTheBrowserToo() throws Exception {
    PushService.Subscriber tablet = service.subscriber("tablet");
    assertEquals(200, api.post("/api/push/subscriptions", tablet.json()).status());
    String foreign = "f0e3000000000000000000aa";
    Process writer =
        new ProcessBuilder(ForeignWriter.command(platform.dataDir(), foreign, 3))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("ready", out.readLine());
      writer.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      writer.getOutputStream().flush();
      assertEquals("done", out.readLine());
      PushService.Message message = service.next(WAIT);
      assertEquals(
          "{\"agent_id\":\""
              + foreign
              + "\",\"name\":null,\"tool\":\"fake\",\"status\":\"completed\"}",
          message.payload().toString());
    } finally {
      writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertEquals(204, unsubscribe(tablet.endpoint()));
    }
  }

  @Test
  void aSubscriptionThePushServiceCallsGoneIsDropped() throws Exception {
    PushService.Subscriber old = service.subscriber("old");
    service.answer("old", 410);
    assertEquals(200, api.post("/api/push/subscriptions", old.json()).status());
    status("running", "completed");
    service.next(WAIT);
    Path file = platform.dataDir().resolve(PushSubscriptions.FILE_NAME);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Files.readString(file).contains("/push/old") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(Files.readString(file).contains("/push/old"), Files.readString(file));
  }

  @Test
  void keysAndSubscriptionsAreOwnerOnlyAndTheKeyOutlivesARestart() throws Exception {
    String before = publicKey();
    assertEquals(
        200, api.post("/api/push/subscriptions", service.subscriber("desk").json()).status());
    var ownerOnly = PosixFilePermissions.fromString("rw-------");
    assertEquals(
        ownerOnly,
        Files.getPosixFilePermissions(platform.configDir().resolve(VapidKeys.FILE_NAME)));
    assertEquals(
        ownerOnly,
        Files.getPosixFilePermissions(platform.dataDir().resolve(PushSubscriptions.FILE_NAME)));
    frontend.stop();
    startServer();
    assertEquals(before, publicKey());
    status("running", "timeout");
    assertEquals("timeout", service.next(WAIT).payload().path("status").asText());
    api.send(
        "DELETE",
        "/api/push/subscriptions",
        "{\"endpoint\":\"" + service.origin() + "/push/desk\"}",
        TOKEN,
        Map.of("Content-Type", "application/json"));
  }

  @Test
  void aSubjectThatIsNoMailtoOrHttpsUrlIsRefusedAtStart(@TempDir Path other) {
    try (TestPlatform wrong = new TestPlatform(other, Map.of("server.push_subject", "ops"))) {
      ConfigException e =
          assertThrows(ConfigException.class, () -> new WebPush(wrong, PushSender.standard()));
      assertTrue(e.getMessage().contains("server.push_subject"), e.getMessage());
    }
  }

  @Test
  void badSubscriptionsAreRefusedAndEveryRouteNeedsTheToken() throws Exception {
    PushService.Subscriber good = service.subscriber("good");
    ApiClient anonymous =
        new ApiClient(
            URI.create(frontend.uri().resolve("/").toString().replaceAll("/$", "")), null);
    assertEquals(401, anonymous.get("/api/push/key").status());
    assertEquals(401, anonymous.post("/api/push/subscriptions", good.json()).status());
    assertEquals(
        401, anonymous.send("DELETE", "/api/push/subscriptions", "{}", null, Map.of()).status());

    String cleartext = good.json().replace(service.origin(), "http://push.example");
    ApiClient.Reply refused = api.post("/api/push/subscriptions", cleartext);
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.json().get("detail").asText().contains("https"), refused.body());

    String badKey =
        good.json()
            .replace(good.p256dh(), good.p256dh().substring(0, 60) + "AAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertEquals(400, api.post("/api/push/subscriptions", badKey).status());
    assertEquals(
        400,
        api.post("/api/push/subscriptions", "{\"endpoint\":\"https://push.example/x\"}").status());
    assertFalse(
        Files.exists(platform.dataDir().resolve(PushSubscriptions.FILE_NAME))
            && Files.readString(platform.dataDir().resolve(PushSubscriptions.FILE_NAME))
                .contains("push.example"));
  }
}
