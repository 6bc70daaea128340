package dev.cam.plugin.api;

import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.plugin.api.ws.WsLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real API server on a temporary SQLite store with agents whose control only records, and the
 * system's headless Chromium to open its web app.
 */
final class WebRig implements AutoCloseable {
  static final String TOKEN = "web-token-0123456789abcdefghijklmnopqrstuv";
  static final Duration WAIT = Duration.ofSeconds(15);

  /** Screenshots go to target/ unless {@code -Dscreenshots=<dir>} names another folder. */
  static final Path SHOTS = Path.of(System.getProperty("screenshots", "target/screenshots"));

  final TestPlatform platform;
  final RecordingControl control;
  final ChromeDriver driver;
  private JettyApiFrontend frontend;
  private int port;

  WebRig(Path dir, String screen) {
    this(dir, screen, Map.of());
  }

  /** With these settings ({@code key=value} as {@code --set} gives them) on the server. */
  WebRig(Path dir, String screen, Map<String, String> settings) {
    Browser.require();
    platform = new TestPlatform(dir.resolve("cam"), settings);
    control = new RecordingControl(screen);
    platform.control(control);
    startServer();
    try {
      driver = Browser.start(dir.resolve("profile"));
    } catch (RuntimeException e) {
      frontend.stop();
      platform.close();
      throw e;
    }
  }

  void startServer() {
    frontend = new JettyApiFrontend(platform, settings(port));
    frontend.start();
    port = frontend.uri().getPort();
  }

  void stopServer() {
    frontend.stop();
  }

  /** The web app's address, e.g. {@code http://127.0.0.1:41234/}. */
  String url() {
    return "http://127.0.0.1:" + port + "/";
  }

  private static ApiSettings settings(int port) {
    return ApiSettings.defaults("127.0.0.1", port)
        .with(TOKEN, List.of(), false)
        .withLimits(
            1024 * 1024,
            1000,
            new WsLimits(
                1024, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)));
  }

  Agent save(String id, String tool, AgentStatus status, String state, String reason) {
    Instant started = Instant.now().minusSeconds(120);
    Agent agent =
        new Agent(
            id,
            null,
            tool,
            "shop",
            null,
            "/work/shop",
            "make the checkout page faster",
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

  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .withMessage(() -> "the page at " + driver.getCurrentUrl() + " shows: " + text("main"))
        .until(condition);
  }

  /** Text of an element read in one step, so a re-render between find and read does no harm. */
  String text(String css) {
    return String.valueOf(
        driver.executeScript(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css));
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  void logIn() {
    driver.get(url());
    driver.executeScript("localStorage.clear()");
    driver.get(url() + "#/settings");
    await(d -> d.findElement(By.id("token")));
    driver.findElement(By.id("token")).sendKeys(TOKEN);
    driver.findElement(By.id("save")).click();
    await(d -> d.findElements(By.cssSelector("#agents")).size() == 1);
    awaitConnected();
  }

  void awaitConnected() {
    await(d -> "up".equals(script("return document.body.dataset.live || ''")));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try {
        frontend.stop();
      } finally {
        platform.close();
      }
    }
  }
}
