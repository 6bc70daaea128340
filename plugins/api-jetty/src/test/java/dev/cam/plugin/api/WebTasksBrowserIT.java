package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import dev.cam.platform.task.GraphRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A task graph uploaded from the web app, run by the kernel's real task runner on a real store, its
 * progress followed level by level in headless Chromium as the test ends each task's agent.
 */
class WebTasksBrowserIT {
  static final String GRAPH =
      String.join(
          "\n",
          "version: 1",
          "defaults: {tool: claude}",
          "tasks:",
          "  - {name: schema, prompt: design the schema}",
          "  - {name: api, prompt: build the API, depends_on: [schema]}",
          "  - {name: ui, prompt: build the UI, depends_on: [schema]}",
          "  - {name: docs, prompt: document it, depends_on: [api, ui]}");

  @TempDir static Path dir;
  static WebRig rig;
  static final AtomicInteger runs = new AtomicInteger();

  @BeforeAll
  static void start() {
    rig = new WebRig(dir, "ready");
    rig.platform.tasks(
        new GraphRunner(
            rig.platform.store().taskGraphs(),
            () -> rig.control,
            rig.platform.agents(),
            Clock.systemUTC(),
            Duration.ofMillis(50)));
    rig.control.onRun(
        request ->
            rig.save(
                String.format("%024x", 0xf00 + runs.incrementAndGet()),
                request.tool(),
                AgentStatus.RUNNING,
                "planning",
                null));
    rig.logIn();
  }

  @AfterAll
  static void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  static void complete(String taskName) {
    String agentId =
        String.valueOf(
            rig.script(
                "const a = document.querySelector(`li[data-task='${arguments[0]}'] a`);"
                    + " return a ? decodeURIComponent(a.hash.split('/').pop()) : ''",
                taskName));
    Agent agent = rig.platform.agents().find(agentId);
    rig.platform.agents().save(agent.withStatus(AgentStatus.COMPLETED, "completed", Instant.now()));
    rig.platform
        .events()
        .publish(agentId, EventTypes.STATUS_CHANGE, Map.of("from", "running", "to", "completed"));
  }

  static String taskStatus(String name) {
    return rig.text("li[data-task='" + name + "'] .badge");
  }

  @Test
  void anUploadedGraphRunsLevelByLevelAndItsProgressShowsLive() throws Exception {
    rig.driver.get(rig.url() + "#/tasks");
    rig.await(d -> d.findElement(By.id("tasks-text"))).sendKeys(GRAPH);
    rig.driver.findElement(By.id("tasks-dir")).sendKeys(dir.toString());
    rig.driver.findElement(By.id("tasks-check")).click();
    rig.await(d -> rig.text("#tasks-message").contains("4 tasks in 3 levels"));
    assertTrue(rig.text("#tasks-plan").contains("Level 1: api, ui"), rig.text("#tasks-plan"));
    Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("tasks-phone.png"));
    Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("tasks-desktop.png"));

    rig.driver.findElement(By.id("tasks-apply")).click();
    rig.await(d -> rig.text("#graph-levels").contains("docs"));
    rig.await(d -> taskStatus("schema").equals("running"));
    assertEquals("pending", taskStatus("api"));
    complete("schema");
    rig.await(d -> taskStatus("api").equals("running") && taskStatus("ui").equals("running"));
    complete("api");
    rig.await(d -> taskStatus("api").equals("completed"));
    Browser.screenshot(rig.driver, Browser.PHONE, WebRig.SHOTS.resolve("graph-phone.png"));
    Browser.screenshot(rig.driver, Browser.DESKTOP, WebRig.SHOTS.resolve("graph-desktop.png"));
    complete("ui");
    rig.await(d -> taskStatus("docs").equals("running"));
    complete("docs");
    rig.await(d -> rig.text("#graph-status").equals("completed"));
    assertEquals("4 of 4 tasks completed", rig.text("#graph-count").split(" · ")[0]);
  }
}
