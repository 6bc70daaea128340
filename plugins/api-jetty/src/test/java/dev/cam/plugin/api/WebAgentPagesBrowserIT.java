package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.web.PairingLink;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app's pages for one agent (terminal, log), the new-agent form, pairing, notifications and
 * the offline page, in real headless Chromium against a real API server and store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAgentPagesBrowserIT {
  static final String WAITING = "b2000000000000000000000b";
  static final String RUNNING = "a1000000000000000000000a";
  static final String SCREEN =
      "Edit src/App.java?\n<script>alert(1)</script>\n\n ❯ 1. Yes\n   2. No, and tell Claude";

  static final String WORKING =
      String.join(
          "\n",
          "● Edit src/App.java",
          "  ⎿  Updated src/App.java with 3 additions and 1 removal",
          "",
          "● Bash(./mvnw -q test)",
          "  ⎿  Running the tests…",
          "     [INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
          "     12 passed",
          "",
          "✻ Checking the checkout page… (12s · esc to interrupt)",
          "",
          "╭──────────────────────────────────────────────────────────────────────────╮",
          "│ >                                                                        │",
          "╰──────────────────────────────────────────────────────────────────────────╯",
          "  ? for shortcuts");

  @TempDir static Path dir;
  static WebRig rig;

  @BeforeAll
  static void start() {
    rig =
        new WebRig(
            dir,
            SCREEN,
            Map.of("tools.mycli.auto_confirm", "false", "tools.retired.enabled", "false"));
    rig.save(WAITING, "claude", AgentStatus.WAITING, "waiting_permission", null);
    rig.save(RUNNING, "codex", AgentStatus.RUNNING, "testing", null);
    rig.logIn();
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  @BeforeEach
  void desktop() {
    Browser.resize(rig.driver, Browser.DESKTOP);
  }

  /** The terminal's rows as text, with the non-breaking spaces a renderer may use made plain. */
  static String terminalText() {
    return String.valueOf(
        rig.script(
            "const r = document.querySelector('#term .xterm-rows');"
                + " return r ? r.textContent.replace(/\\u00a0/g, ' ') : ''"));
  }

  @Test
  @Order(1)
  void theTerminalShowsTheScreenIsReadOnlyUntilSwitchedAndFollowsChanges() throws Exception {
    rig.driver.get(rig.url() + "#/agents/" + WAITING);
    rig.await(d -> d.findElement(By.id("open-terminal"))).click();
    rig.await(d -> terminalText().contains("2. No, and tell Claude"));
    assertTrue(terminalText().contains("<script>alert(1)</script>"), terminalText());
    assertEquals(0L, rig.script("return document.querySelectorAll('#term script').length"));
    // xterm.js's own cell and theme styles apply although the policy allows no inline style.
    assertEquals(
        "pre",
        rig.script("return getComputedStyle(document.querySelector('.xterm-rows')).whiteSpace"));

    rig.driver.findElement(By.cssSelector("#term .xterm-screen")).click();
    new Actions(rig.driver).sendKeys("x").perform();
    rig.driver.findElement(By.id("term-typing")).click();
    new Actions(rig.driver).sendKeys("y" + Keys.ENTER).perform();
    rig.await(d -> rig.control.received.size() >= 2);
    assertEquals(
        List.of("text " + WAITING + " y", "keys " + WAITING + " Enter"), rig.control.received);

    rig.control.show(WORKING);
    long published = System.nanoTime();
    rig.platform
        .events()
        .publish(WAITING, EventTypes.OUTPUT, Map.of("lines", List.of("Running the tests")));
    rig.await(d -> terminalText().contains("12 passed"));
    System.out.printf(
        "terminal: new screen shown %d ms after the output event%n",
        (System.nanoTime() - published) / 1_000_000);
    Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("terminal-phone.png"));
    Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("terminal-desktop.png"));
    rig.control.received.clear();
  }

  @Test
  @Order(2)
  void theLogViewerColoursEntriesSearchesAndFollowsNewOnes() throws Exception {
    var events = rig.platform.events();
    events.publish(RUNNING, EventTypes.STATE_CHANGE, Map.of("from", "editing", "to", "testing"));
    events.publish(RUNNING, EventTypes.PROBE, Map.of("result", "busy"));
    for (int i = 0; i < 60; i++) {
      events.publish(RUNNING, EventTypes.OUTPUT, Map.of("lines", List.of("test " + i + " ok")));
    }
    events.publish(RUNNING, EventTypes.ERROR, Map.of("message", "<b>disk</b> almost full"));
    rig.driver.get(rig.url() + "#/agents/" + RUNNING + "/log");
    rig.await(d -> d.findElements(By.cssSelector("#log li.entry")).size() == 63);
    assertTrue(rig.text("#log li.type-error").contains("<b>disk</b> almost full"));
    assertNotEquals(borderColour("#log li.type-error"), borderColour("#log li.type-output"));
    assertNotEquals(borderColour("#log li.type-error"), borderColour("#log li.type-probe"));

    rig.driver.findElement(By.id("log-search")).sendKeys("test 4");
    rig.await(d -> rig.text("#log-count").equals("11 of 63 entries"));
    rig.driver.findElement(By.id("log-search")).clear();
    rig.driver.findElement(By.id("log-search")).sendKeys(Keys.SPACE, Keys.BACK_SPACE);
    rig.await(d -> rig.text("#log-count").equals("63 entries"));

    events.publish(RUNNING, EventTypes.OUTPUT, Map.of("lines", List.of("all 60 tests passed")));
    rig.await(d -> rig.text("#log li.entry:last-child").contains("all 60 tests passed"));
    rig.await(
        d ->
            Boolean.TRUE.equals(
                rig.script(
                    "const l = document.getElementById('log');"
                        + " return l.scrollHeight > l.clientHeight"
                        + " && l.scrollTop + l.clientHeight >= l.scrollHeight - 2")));
    Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("log-phone.png"));
    Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("log-desktop.png"));
  }

  static String borderColour(String css) {
    return String.valueOf(
        rig.script(
            "return getComputedStyle(document.querySelector(arguments[0])).borderLeftColor", css));
  }

  @Test
  @Order(3)
  void theNewAgentFormStartsAnAgentAndLandsOnItsPage() throws Exception {
    String id = "f5000000000000000000000f";
    rig.control.onRun(
        request -> rig.save(id, request.tool(), AgentStatus.RUNNING, "planning", null));
    rig.driver.get(rig.url() + "#/new");
    var tool = rig.await(d -> d.findElement(By.id("new-tool")));
    tool.clear();
    tool.sendKeys("codex");
    rig.driver.findElement(By.id("new-cwd")).sendKeys("/work/shop");
    rig.driver.findElement(By.id("new-prompt")).sendKeys("add a login page");
    rig.driver.findElement(By.id("new-timeout")).sendKeys("20m");
    rig.driver.findElement(By.cssSelector("form button[type='submit']")).click();
    rig.await(d -> String.valueOf(rig.script("return location.hash")).equals("#/agents/" + id));
    rig.await(d -> rig.text("#status").equals("running"));
    assertEquals(
        List.of("run codex add a login page cwd=/work/shop timeout=PT20M auto=true"),
        rig.control.received);
    rig.control.received.clear();
  }

  @Test
  @Order(4)
  void theNewAgentFormOffersTheServersTools() throws Exception {
    List<NamedTool> tools =
        List.of(
            new NamedTool("claude", "Claude Code", "2.1.197"),
            new NamedTool("aider", "Aider", null),
            new NamedTool("mycli", "My CLI", "0.3"),
            new NamedTool("retired", "Retired", "1.0"));
    tools.forEach(rig.platform::extension);
    String id = "f6000000000000000000000f";
    rig.control.onRun(
        request -> rig.save(id, request.tool(), AgentStatus.RUNNING, "planning", null));
    try {
      rig.driver.get(rig.url() + "#/new");
      rig.await(d -> "server".equals(rig.script("return document.forms[0].dataset.tools")));
      assertEquals(
          List.of(
              "claude=Claude Code 2.1.197",
              "aider=Aider",
              "mycli=My CLI 0.3",
              "retired=Retired 1.0 (disabled) off"),
          rig.script(
              "return [...document.querySelectorAll('#new-tool option')]"
                  + ".map(o => o.value + '=' + o.textContent + (o.disabled ? ' off' : ''))"));
      assertEquals("claude", rig.script("return document.getElementById('new-tool').value"));
      assertTrue(rig.driver.findElement(By.id("new-auto")).isSelected());
      // [tools.mycli] auto_confirm = false becomes the checkbox's default
      new Select(rig.driver.findElement(By.id("new-tool"))).selectByValue("mycli");
      assertFalse(rig.driver.findElement(By.id("new-auto")).isSelected());
      rig.driver.findElement(By.id("new-cwd")).sendKeys("/work/shop");
      rig.driver.findElement(By.id("new-prompt")).sendKeys("tidy the README");
      Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("new-phone.png"));
      Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("new-desktop.png"));
      Browser.resize(rig.driver, Browser.PHONE);
      rig.driver.findElement(By.cssSelector("form button[type='submit']")).click();
      rig.await(d -> String.valueOf(rig.script("return location.hash")).equals("#/agents/" + id));
      assertEquals(
          List.of("run mycli tidy the README cwd=/work/shop timeout=null auto=false"),
          rig.control.received);
    } finally {
      tools.forEach(rig.platform::withdraw);
      rig.control.received.clear();
    }
  }

  @Test
  @Order(5)
  void withoutAToolsRouteTheFormKeepsItsSuggestions() {
    rig.driver.get(rig.url() + "#/");
    rig.await(d -> d.findElement(By.id("agents")));
    // an older server: no /api/tools
    rig.script(
        "const real = window.fetch; window.fetch = (url, init) =>"
            + " String(url).endsWith('/api/tools')"
            + " ? Promise.resolve(new Response('{}',"
            + "     { status: 404, headers: { 'Content-Type': 'application/problem+json' } }))"
            + " : real(url, init);"
            + " location.hash = '#/new';");
    rig.await(d -> "suggested".equals(rig.script("return document.forms[0].dataset.tools")));
    assertEquals("INPUT", rig.script("return document.getElementById('new-tool').tagName"));
    assertEquals("claude", rig.script("return document.getElementById('new-tool').value"));
    assertEquals(
        List.of("claude", "codex", "aider", "gemini"),
        rig.script("return [...document.querySelectorAll('#tools option')].map(o => o.value)"));
  }

  @Test
  @Order(6)
  void aPairingLinkLogsInAndLeavesNoTokenInTheAddress() {
    rig.driver.get(rig.url());
    rig.script("localStorage.clear()");
    rig.driver.get(PairingLink.of(URI.create(rig.url() + "api"), WebRig.TOKEN));
    rig.await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() >= 2);
    assertEquals(WebRig.TOKEN, rig.script("return localStorage.getItem('cam.token')"));
    assertEquals("", rig.script("return localStorage.getItem('cam.server')"));
    assertFalse(rig.driver.getCurrentUrl().contains(WebRig.TOKEN), rig.driver.getCurrentUrl());
    assertFalse(
        String.valueOf(rig.script("return history.length > 0 ? location.href : ''"))
            .contains(WebRig.TOKEN));
  }

  @Test
  @Order(7)
  void turnedOnNotificationsTellWhenAnAgentFinishesFailsOrWaits() {
    rig.driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin", rig.url().replaceFirst("/$", ""), "permissions", List.of("notifications")));
    rig.driver.get(rig.url() + "#/settings");
    rig.await(d -> d.findElement(By.id("notify"))).click();
    rig.driver.findElement(By.id("save")).click();
    rig.await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() >= 2);
    rig.awaitConnected();
    assertEquals("on", rig.script("return localStorage.getItem('cam.notify')"));
    rig.script(
        "window.shown = []; const Real = Notification;"
            + " window.Notification = class extends Real {"
            + "   constructor(title, options) { super(title, options);"
            + "     window.shown.push(title + ' | ' + options.body); } };");
    var events = rig.platform.events();
    rig.save(RUNNING, "codex", AgentStatus.COMPLETED, "idle", "completed");
    events.publish(RUNNING, EventTypes.STATUS_CHANGE, Map.of("from", "running", "to", "completed"));
    events.publish(WAITING, EventTypes.STATE_CHANGE, Map.of("from", "idle", "to", "editing"));
    events.publish(
        WAITING,
        EventTypes.STATUS_CHANGE,
        Map.of("from", "waiting", "to", "failed", "reason", "not logged in"));
    List<String> expected = new ArrayList<>();
    expected.add("codex a1000000 finished | make the checkout page faster");
    expected.add("claude b2000000 failed | not logged in");
    rig.await(d -> String.valueOf(rig.script("return window.shown.length")).equals("2"));
    assertEquals(expected, rig.script("return window.shown"));
  }

  @Test
  @Order(8)
  void theOfflinePageSaysTheServerIsUnreachable() throws Exception {
    rig.driver.get(rig.url() + "#/");
    rig.await(
        d ->
            Boolean.TRUE.equals(
                rig.script(
                    "return !!navigator.serviceWorker && !!navigator.serviceWorker.controller")));
    rig.stopServer();
    try {
      rig.driver.navigate().refresh();
      rig.await(d -> rig.text("h1").equals("Server unreachable"));
      assertTrue(rig.text("main").contains("cam serve"));
      Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("offline-phone.png"));
      Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("offline-desktop.png"));
    } finally {
      rig.startServer();
    }
    rig.driver.get(rig.url());
    rig.await(d -> d.findElements(By.cssSelector("#agents li.agent")).size() >= 2);
  }
}
