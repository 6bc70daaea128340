package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.push.PushSubscriptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The Settings page's Web Push switch in real headless Chromium. Headless Chromium reaches no push
 * service, so the page's {@code PushManager} is replaced by one that hands out a subscription whose
 * keys the test holds and whose endpoint is a push service on 127.0.0.1: the page's logic, the
 * server's routes and the message the server sends (decrypted with those keys) are all real.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPushBrowserIT {
  static final String AGENT = "d8000000000000000000000d";
  @TempDir static Path dir;
  static WebRig rig;
  static PushService service;
  static PushService.Subscriber browser;

  @BeforeAll
  static void start() throws Exception {
    rig = new WebRig(dir, "idle");
    service = new PushService();
    browser = service.subscriber("chromium");
    rig.save(AGENT, "codex", AgentStatus.RUNNING, "testing", null);
    rig.logIn();
    rig.driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin", rig.url().replaceFirst("/$", ""), "permissions", List.of("notifications")));
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
    if (service != null) {
      service.close();
    }
  }

  static String subscriptions() throws Exception {
    Path file = rig.platform.dataDir().resolve(PushSubscriptions.FILE_NAME);
    return Files.exists(file) ? Files.readString(file) : "";
  }

  /**
   * A PushManager that subscribes at once with the test's keys and records what it was given; the
   * subscription outlives a page load (in sessionStorage), as a browser's does.
   */
  static String fakePushManagerSource() {
    return "(() => { const [endpoint, p256dh, auth] = ['"
        + browser.endpoint()
        + "', '"
        + browser.p256dh()
        + "', '"
        + browser.authSecret()
        + "'];"
        + " const bytes = (t) => Uint8Array.from(atob(t.replace(/-/g, '+').replace(/_/g, '/')),"
        + "   (c) => c.charCodeAt(0)).buffer;"
        + " const subscription = () => ({ endpoint, options: { applicationServerKey: null },"
        + "   getKey: (name) => bytes(name === 'p256dh' ? p256dh : auth),"
        + "   unsubscribe: async () => { sessionStorage.removeItem('fake-push'); return true; } });"
        + " window.pushCalls = [];"
        + " PushManager.prototype.subscribe = async function (options) {"
        + "   window.pushCalls.push({ visible: options.userVisibleOnly,"
        + "     key: btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey)))"
        + "       .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '') });"
        + "   sessionStorage.setItem('fake-push', 'on'); return subscription(); };"
        + " PushManager.prototype.getSubscription = async function () {"
        + "   return sessionStorage.getItem('fake-push') ? subscription() : null; }; })();";
  }

  static void fakePushManager() {
    rig.script(fakePushManagerSource());
  }

  @Test
  @Order(1)
  void theSwitchSubscribesWithTheServersKeyAndTheServerPushesToIt() throws Exception {
    rig.driver.get(rig.url() + "#/settings");
    rig.await(d -> d.findElement(By.id("push")));
    fakePushManager();
    rig.driver.findElement(By.id("push")).click();
    rig.driver.findElement(By.id("save")).click();
    rig.await(d -> d.findElements(By.cssSelector("#agents")).size() == 1);
    assertEquals("on", rig.script("return localStorage.getItem('cam.push')"));
    ApiClient api = new ApiClient(URI.create(rig.url().replaceFirst("/$", "")), WebRig.TOKEN);
    String key = api.get("/api/push/key").json().get("public_key").asText();
    assertEquals(
        List.of(Map.of("visible", true, "key", key)), rig.script("return window.pushCalls"));
    assertTrue(subscriptions().contains(browser.endpoint()), subscriptions());

    rig.platform
        .events()
        .publish(AGENT, EventTypes.STATUS_CHANGE, Map.of("from", "running", "to", "failed"));
    PushService.Message message = service.next(Duration.ofSeconds(10));
    assertEquals(
        "{\"agent_id\":\"" + AGENT + "\",\"name\":null,\"tool\":\"codex\",\"status\":\"failed\"}",
        message.payload().toString());
    assertEquals(List.of(), service.errors);
  }

  @Test
  @Order(2)
  void aPageLoadWithPushOnHandsTheSubscriptionToTheServerAgain() throws Exception {
    ApiClient api = new ApiClient(URI.create(rig.url().replaceFirst("/$", "")), WebRig.TOKEN);
    // the server lost it (a deleted file, say)
    api.send(
        "DELETE",
        "/api/push/subscriptions",
        "{\"endpoint\":\"" + browser.endpoint() + "\"}",
        WebRig.TOKEN,
        Map.of("Content-Type", "application/json"));
    assertFalse(subscriptions().contains(browser.endpoint()), subscriptions());
    // the browser's push manager is there before the app's scripts run, as a real one is
    rig.driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", fakePushManagerSource()));
    rig.driver.get(rig.url() + "#/");
    rig.driver.navigate().refresh(); // the app starts anew (a changed hash alone would not load it)
    rig.await(d -> "renewed".equals(rig.script("return document.body.dataset.push")));
    assertTrue(subscriptions().contains(browser.endpoint()), subscriptions());
    assertEquals(List.of(), rig.script("return window.pushCalls"), "no new subscription needed");
  }

  @Test
  @Order(3)
  void theServiceWorkerShowsAPushedMessageAsANotification() {
    String origin = rig.url().replaceFirst("/$", "");
    rig.driver.get(rig.url() + "#/");
    rig.await(
        d ->
            Boolean.TRUE.equals(
                rig.script(
                    "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller")));
    String registration = registrationId();
    rig.driver.executeCdpCommand("ServiceWorker.enable", Map.of());
    rig.driver.executeCdpCommand(
        "ServiceWorker.deliverPushMessage",
        Map.of(
            "origin",
            origin,
            "registrationId",
            registration,
            "data",
            "{\"agent_id\":\""
                + AGENT
                + "\",\"name\":\"checkout\",\"tool\":\"codex\",\"status\":\"waiting\"}"));
    rig.driver.get(rig.url() + "#/");
    rig.await(
        d ->
            "checkout waits for input"
                .equals(
                    rig.driver.executeAsyncScript(
                        "const done = arguments[0]; navigator.serviceWorker.ready"
                            + ".then((r) => r.getNotifications())"
                            + ".then((n) => done(n.length ? n[0].title : ''))")));
  }

  /** The app's service worker registration id, as Chromium's own service worker page shows it. */
  static String registrationId() {
    rig.driver.get("chrome://serviceworker-internals/");
    String page =
        rig.await(
            d -> {
              Object text = rig.script("return document.body.innerText");
              return String.valueOf(text).contains("Registration ID") ? String.valueOf(text) : null;
            });
    var id = java.util.regex.Pattern.compile("Registration ID: ?(\\d+)").matcher(page);
    if (!id.find()) {
      throw new AssertionError("no registration id on chrome://serviceworker-internals: " + page);
    }
    return id.group(1);
  }

  @Test
  @Order(4)
  void turningTheSwitchOffUnsubscribesHereAndOnTheServer() throws Exception {
    rig.driver.get(rig.url() + "#/settings");
    rig.await(d -> d.findElement(By.id("push")));
    // the start-up renewal is done before the switch goes off
    rig.await(d -> "renewed".equals(rig.script("return document.body.dataset.push")));
    assertTrue(rig.driver.findElement(By.id("push")).isSelected());
    rig.driver.findElement(By.id("push")).click();
    rig.driver.findElement(By.id("save")).click();
    rig.await(d -> d.findElements(By.cssSelector("#agents")).size() == 1);
    assertEquals("off", rig.script("return localStorage.getItem('cam.push')"));
    assertEquals(null, rig.script("return sessionStorage.getItem('fake-push')"));
    assertFalse(subscriptions().contains(browser.endpoint()), subscriptions());
  }
}
