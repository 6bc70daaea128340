package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app's files over plain HTTP: served without a token, with strict headers. */
class WebAppIT {
  static final String TOKEN = "webapp-token-0123456789abcdefghijklmnopqrs";
  @TempDir static Path dir;
  static TestPlatform platform;
  static JettyApiFrontend frontend;
  static ApiClient anonymous;

  @BeforeAll
  static void start() {
    platform = new TestPlatform(dir, Map.of());
    frontend =
        new JettyApiFrontend(
            platform, ApiSettings.defaults("127.0.0.1", 0).with(TOKEN, List.of(), false));
    frontend.start();
    anonymous = new ApiClient(root(), null);
  }

  static URI root() {
    return URI.create(frontend.uri().toString().replaceFirst("/api$", ""));
  }

  @AfterAll
  static void stop() {
    if (frontend != null) {
      frontend.stop();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theAppShellIsServedWithoutATokenUnderAStrictPolicy() {
    ApiClient.Reply index = anonymous.get("/");
    assertEquals(200, index.status());
    assertEquals("text/html; charset=utf-8", index.header("Content-Type"));
    assertTrue(index.body().contains("src=\"app.js\""), index.body());
    String csp = index.header("Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", index.header("X-Content-Type-Options"));
    assertEquals("DENY", index.header("X-Frame-Options"));
    assertEquals("no-referrer", index.header("Referrer-Policy"));
    assertEquals(null, index.header("Server"));
  }

  @Test
  void eachFileHasItsContentType() {
    assertEquals(
        "text/javascript; charset=utf-8",
        anonymous.get("/views/dashboard.js").header("Content-Type"));
    assertEquals("text/css; charset=utf-8", anonymous.get("/styles.css").header("Content-Type"));
    assertEquals(
        "application/manifest+json", anonymous.get("/manifest.webmanifest").header("Content-Type"));
    assertEquals("image/png", anonymous.get("/icon-192.png").header("Content-Type"));
  }

  @Test
  void theVendoredTerminalComesWithItsLicence() {
    ApiClient.Reply module = anonymous.get("/vendor/xterm/xterm.mjs");
    assertEquals(200, module.status());
    assertEquals("text/javascript; charset=utf-8", module.header("Content-Type"));
    assertTrue(module.body().contains("export{"), "an ES module");
    assertEquals(200, anonymous.get("/vendor/xterm/xterm.css").status());
    assertTrue(anonymous.get("/vendor/xterm/license.txt").body().contains("The xterm.js authors"));
  }

  @Test
  void noPageCarriesAnInlineScript() {
    for (String page : List.of("/", "/offline.html")) {
      String html = anonymous.get(page).body();
      assertFalse(
          html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), page + " has inline script");
      assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), page + " has an inline handler");
    }
  }

  @Test
  void theApiStillNeedsTheToken() {
    assertEquals(401, anonymous.get("/api/agents").status());
    assertEquals(401, anonymous.get("/api").status());
    assertEquals(200, new ApiClient(root(), TOKEN).get("/api/agents").status());
  }

  @Test
  void unknownFilesAndPathTricksAreNotFound() {
    for (String path :
        List.of(
            "/nothing.html",
            "/..%2Fopenapi.json",
            "/../openapi.json",
            "/%2e%2e/x.js",
            "/dev/cam/plugin/api/openapi.json",
            "/.hidden.js",
            "/Index.html",
            "/sw")) {
      int status = anonymous.get(path).status();
      assertTrue(status == 404 || status == 400, path + " answered " + status);
    }
    assertEquals(404, anonymous.get("/elsewhere").status());
  }

  @Test
  void otherMethodsGoToTheApiAndNeedTheToken() {
    assertEquals(401, anonymous.send("POST", "/index.html", "x", null, Map.of()).status());
  }
}
