package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.ws.WsLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web app in real headless Chromium against a real API server and store. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserIT {
  static final String TOKEN = "web-token-0123456789abcdefghijklmnopqrstuv";
  static final Duration WAIT = Duration.ofSeconds(15);

  /** Screenshots go to target/ unless {@code -Dscreenshots=<dir>} names another folder. */
  static final Path SHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

  static final String SCREEN =
      "Edit src/App.java?\n<script>alert(1)</script>\n\n ❯ 1. Yes\n   2. No, and tell Claude";
  @TempDir static Path dir;
  static TestPlatform platform;
  static JettyApiFrontend frontend;
  static RecordingControl control;
  static ChromeDriver driver;
  static String url;

  @BeforeAll
  static void start() {
    Browser.require();
    platform = new TestPlatform(dir.resolve("cam"), Map.of());
    control = new RecordingControl(SCREEN);
    platform.control(control);
    frontend = new JettyApiFrontend(platform, settings(0));
    frontend.start();
    url = frontend.uri().toString().replaceFirst("/api$", "/");
    seed();
    driver = Browser.start(dir.resolve("profile"));
  }

  static ApiSettings settings(int port) {
    return ApiSettings.defaults("127.0.0.1", port)
        .with(TOKEN, List.of(), false)
        .withLimits(
            1024 * 1024,
            1000,
            new WsLimits(
                1024, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (frontend != null) {
      frontend.stop();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @BeforeEach
  void desktop() {
    Browser.resize(driver, Browser.DESKTOP);
  }

  static void seed() {
    Instant now = Instant.now();
    save("a1000000000000000000000a", "claude", "shop", AgentStatus.RUNNING, "editing", now, null);
    save(
        "b2000000000000000000000b",
        "codex",
        "docs",
        AgentStatus.WAITING,
        "waiting_permission",
        now.minusSeconds(300),
        "permission prompt: Edit src/App.java?");
    save(
        "c3000000000000000000000c",
        "aider",
        "shop",
        AgentStatus.COMPLETED,
        "idle",
        now.minusSeconds(4000),
        "completed");
    save(
        "d4000000000000000000000d",
        "gemini",
        null,
        AgentStatus.FAILED,
        "unknown",
        now.minusSeconds(90_000),
        "not logged in: run 'gemini' once to log in");
    platform
        .events()
        .publish(
            "b2000000000000000000000b",
            EventTypes.STATE_CHANGE,
            Map.of("from", "editing", "to", "waiting_permission"));
    platform
        .events()
        .publish("b2000000000000000000000b", EventTypes.PROBE, Map.of("result", "prompt"));
  }

  static Agent save(
      String id,
      String tool,
      String context,
      AgentStatus status,
      String state,
      Instant started,
      String reason) {
    Agent agent =
        new Agent(
            id,
            null,
            tool,
            context,
            null,
            "/work/" + tool,
            "fix the failing tests in " + tool,
            status,
            AgentState.of(state),
            "tmux",
            "cam-" + id.substring(0, 8),
            started,
            started,
            status.isTerminal() ? started.plusSeconds(60) : null,
            reason,
            1,
            null);
    platform.agents().save(agent);
    return agent;
  }

  static <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Text of an element read in one step, so a re-render between find and read does no harm. */
  static String text(String css) {
    Object text =
        driver.executeScript(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
    return String.valueOf(text);
  }

  static void logIn(String token) {
    driver.get(url);
    driver.executeScript("localStorage.clear()");
    driver.get(url + "#/settings");
    await(d -> d.findElement(By.id("token")));
    driver.findElement(By.id("token")).clear();
    driver.findElement(By.id("token")).sendKeys(token);
    driver.findElement(By.id("save")).click();
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedWithAMessage() throws Exception {
    logIn("not-the-token");
    String message =
        await(
            d -> {
              String shown = d.findElement(By.id("settings-message")).getText();
              return shown.startsWith("Token refused") ? shown : null;
            });
    assertTrue(message.contains("cam config get server.token"), message);
    Object kept = driver.executeScript("return localStorage.getItem('cam.token') || ''");
    assertEquals("", kept, "a refused token is not kept");
    Browser.screenshot(driver, Browser.PHONE, SHOTS.resolve("settings-phone.png"));
    Browser.screenshot(driver, Browser.DESKTOP, SHOTS.resolve("settings-desktop.png"));
  }

  @Test
  @Order(2)
  void loggedInTheDashboardShowsEveryAgentWithItsStatus() throws Exception {
    logIn(TOKEN);
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() == 4);
    assertEquals("waiting", text("li[data-id='b2000000000000000000000b'] .badge"));
    assertTrue(text("li[data-id='d4000000000000000000000d']").contains("not logged in"));
    Browser.screenshot(driver, Browser.PHONE, SHOTS.resolve("dashboard-phone.png"));
    Browser.screenshot(driver, Browser.DESKTOP, SHOTS.resolve("dashboard-desktop.png"));
  }

  @Test
  @Order(3)
  void theServiceWorkerCachesTheShellButNoApiAnswer() {
    driver.get(url + "#/");
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() == 4);
    Object cached =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.serviceWorker.ready"
                + ".then(() => caches.open('cam-shell-v3'))"
                + ".then((c) => c.keys())"
                + ".then((keys) => done(keys.map((k) => new URL(k.url).pathname)))"
                + ".catch((e) => done(String(e)));");
    assertTrue(cached instanceof List<?>, String.valueOf(cached));
    List<?> paths = (List<?>) cached;
    assertTrue(paths.contains("/offline.html") && paths.contains("/app.js"), paths.toString());
    assertTrue(paths.stream().noneMatch(p -> p.toString().startsWith("/api/")), paths.toString());
  }

  @Test
  @Order(4)
  void aStatusChangeIsShownLiveWithoutAReload() {
    driver.get(url + "#/");
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() == 4);
    awaitConnected();
    Object marker = driver.executeScript("return window.__marker = Math.random()");
    Agent running = platform.agents().find("a1000000000000000000000a");
    platform.agents().save(running.withStatus(AgentStatus.WAITING, "question", Instant.now()));
    platform
        .events()
        .publish(
            running.id(), EventTypes.STATUS_CHANGE, Map.of("from", "running", "to", "waiting"));
    await(d -> text("li[data-id='a1000000000000000000000a'] .badge").equals("waiting"));
    assertEquals(marker, driver.executeScript("return window.__marker"));
    platform.agents().save(running);
  }

  @Test
  @Order(5)
  void theDetailPageShowsTheScreenAndSendsInput() throws Exception {
    driver.get(url + "#/");
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() >= 4);
    driver.findElement(By.cssSelector("li[data-id='b2000000000000000000000b'] a")).click();
    await(d -> text("#screen").contains("2. No"));
    assertTrue(text("#screen").contains("<script>alert(1)</script>"), "screen text escaped");
    await(d -> text("#timeline").contains("probe"));
    driver.findElement(By.id("input-text")).sendKeys("yes, go on");
    driver.findElement(By.cssSelector("#input-form button")).click();
    driver.findElement(By.cssSelector("button[data-key='1']")).click();
    await(d -> control.received.size() >= 2);
    assertEquals(
        List.of(
            "text b2000000000000000000000b yes, go on +Enter", "keys b2000000000000000000000b 1"),
        control.received);
    Browser.screenshot(driver, Browser.PHONE, SHOTS.resolve("detail-phone.png"));
    Browser.screenshot(driver, Browser.DESKTOP, SHOTS.resolve("detail-desktop.png"));
  }

  @Test
  @Order(6)
  void aDroppedConnectionShowsABannerAndCatchesUpAfterwards() {
    driver.get(url + "#/");
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() >= 4);
    awaitConnected();
    int port = frontend.uri().getPort();
    frontend.stop();
    await(d -> text("#banner").startsWith("Disconnected"));
    Agent agent = platform.agents().find("c3000000000000000000000c");
    platform.agents().save(agent.withStatus(AgentStatus.KILLED, "stopped", Instant.now()));
    platform.events().publish(agent.id(), EventTypes.STATUS_CHANGE, Map.of("to", "killed"));
    frontend = new JettyApiFrontend(platform, settings(port));
    frontend.start();
    awaitConnected();
    await(d -> text("li[data-id='c3000000000000000000000c'] .badge").equals("killed"));
  }

  @Test
  @Order(7)
  void theDashboardRendersTwoHundredAgentsAndUpdatesOneQuickly() {
    Instant now = Instant.now();
    AgentStatus[] statuses = {AgentStatus.RUNNING, AgentStatus.WAITING, AgentStatus.COMPLETED};
    for (int i = 0; i < 196; i++) {
      save(
          String.format("e%023d", i),
          i % 2 == 0 ? "claude" : "codex",
          "ctx" + (i % 7),
          statuses[i % 3],
          "testing",
          now.minusSeconds(i * 17L),
          null);
    }
    // The agent list is cached until the store holds a newer event, as when agents are created.
    platform.events().publish(String.format("e%023d", 195), EventTypes.AGENT_CREATED, Map.of());
    driver.get(url + "#/");
    long begin = System.nanoTime();
    driver.navigate().refresh();
    await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() == 200);
    long seen = (System.nanoTime() - begin) / 1_000_000;
    List<?> first =
        (List<?>)
            driver.executeScript(
                "const m = performance.getEntriesByName('cam:dashboard')[0];"
                    + " return [m.startTime + m.duration, m.duration]");
    awaitConnected();
    Agent one = platform.agents().find("e00000000000000000000042");
    long published = System.nanoTime();
    platform.agents().save(one.withStatus(AgentStatus.FAILED, "crashed", Instant.now()));
    platform.events().publish(one.id(), EventTypes.STATUS_CHANGE, Map.of("to", "failed"));
    await(d -> text("li[data-id='e00000000000000000000042'] .badge").equals("failed"));
    long updated = (System.nanoTime() - published) / 1_000_000;
    Number updateCost =
        (Number)
            driver.executeScript(
                "const m = performance.getEntriesByName('cam:dashboard-update');"
                    + " return m.length ? m[m.length - 1].duration : -1");
    double firstRender = ((Number) first.get(0)).doubleValue();
    System.out.printf(
        "dashboard with 200 agents: first render done %.0f ms after navigation start (render"
            + " %.1f ms; %d ms seen by the test); a status change shown %d ms after publish"
            + " (render %.1f ms)%n",
        firstRender,
        ((Number) first.get(1)).doubleValue(),
        seen,
        updated,
        updateCost.doubleValue());
    assertTrue(firstRender < 5000, "first render took " + firstRender + " ms");
    assertTrue(updated < 3000, "update took " + updated + " ms");
  }

  static void awaitConnected() {
    await(d -> "up".equals(((ChromeDriver) d).executeScript("return document.body.dataset.live")));
  }
}
