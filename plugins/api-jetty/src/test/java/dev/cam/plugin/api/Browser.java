package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven through its own chromedriver: nothing is downloaded. A
 * missing browser skips the test locally and fails it under {@code CI=true}.
 */
final class Browser {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESKTOP = new Dimension(1280, 800);

  // Selenium warns that it has no DevTools classes for this Chromium; only plain CDP commands are
  // used, so the warning is noise. Held here so the setting is not collected with the logger.
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private Browser() {}

  static void require() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "headless Chromium is needed: install the Debian packages chromium and chromium-driver"
            + " (apt-get install chromium chromium-driver)";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  static ChromeDriver start(Path profile) {
    SELENIUM.setLevel(Level.SEVERE);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  /**
   * Shows the page at a viewport size, as a phone ({@code mobile}) or a desktop, and saves a PNG.
   */
  static void screenshot(ChromeDriver driver, Dimension viewport, Path file) throws Exception {
    resize(driver, viewport);
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  static void resize(ChromeDriver driver, Dimension viewport) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            viewport.width,
            "height",
            viewport.height,
            "deviceScaleFactor",
            1,
            "mobile",
            viewport.width < 600));
  }
}
