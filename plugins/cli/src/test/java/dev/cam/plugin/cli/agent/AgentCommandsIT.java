package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.plugin.cli.CliRig;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run, output, send, key, stop and retry on the fake agent in real tmux, through picocli. */
class AgentCommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    Prerequisites.tmux();
    rig = new CliRig(temp);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private String script(String name, String steps) throws Exception {
    return Files.writeString(temp.resolve(name), steps).toString();
  }

  @Test
  void runFollowsTheAgentUntilItCompletesAndExitsZero() throws Exception {
    String script = script("ok.fake", "ready\nbusy 1s Working\ndone\n");

    int code =
        rig.cam(
            "run", "fake", "fix it", "--dir", temp.toString(), "--env", "FAKE_SCRIPT=" + script);

    assertEquals(0, code, rig.out() + rig.err());
    assertTrue(rig.out().contains("status_change"), rig.out());
    assertTrue(rig.out().lines().reduce((a, b) -> b).orElse("").contains("completed"), rig.out());
    rig.clear();
    assertEquals(0, rig.cam("list", "--json"));
    JsonNode agent = JSON.readTree(rig.out()).get("agents").get(0);
    assertEquals("completed", agent.get("status").asText());
    assertEquals("fix it", agent.get("prompt").asText());
  }

  @Test
  void runExitsFourWhenTheAgentFails() throws Exception {
    String script = script("login.fake", "login\nready\n");

    int code = rig.cam("run", "fake", "x", "--env", "FAKE_SCRIPT=" + script, "--json");

    assertEquals(4, code, rig.out() + rig.err());
    String last = rig.out().lines().reduce((a, b) -> b).orElseThrow();
    JsonNode agent = JSON.readTree(last).get("agent");
    assertEquals("failed", agent.get("status").asText());
    assertTrue(agent.get("exit_reason").asText().contains("not logged in"), last);
  }

  @Test
  void aDetachedAgentCanBeReadDrivenAndStopped() throws Exception {
    // The sleep keeps the agent alive after Escape ends its busy step: the stop below must find
    // it running, not exited on its own.
    String script = script("busy.fake", "ready\nbusy 60s Working\nsleep 60s\n");

    assertEquals(0, rig.cam("run", "fake", "x", "--detach", "--env", "FAKE_SCRIPT=" + script));
    String id = rig.out().strip();
    Await.until(
        () -> rig.kernel().agents().find(id).status() == AgentStatus.RUNNING,
        Duration.ofSeconds(20),
        "the agent to run");
    Await.until(
        () -> output(id).contains("esc to interrupt"), Duration.ofSeconds(10), "the spinner");
    assertEquals(0, rig.cam("send", id.substring(0, 6), "hello", "--no-enter"));
    assertEquals(0, rig.cam("key", id, "x"));
    assertEquals(2, rig.cam("key", id));

    rig.clear();
    assertEquals(0, rig.cam("stop", id, "--json"));
    assertEquals("killed", JSON.readTree(rig.out()).get("status").asText());
    assertEquals(2, rig.cam("send", id, "more"), "no live session any more");
    assertTrue(rig.err().contains("has no live session"), rig.err());
  }

  @Test
  void retryStartsANewAttemptOfAnEndedAgent() throws Exception {
    String script = script("login.fake", "login\n");
    rig.cam("run", "fake", "x", "--env", "FAKE_SCRIPT=" + script);
    Agent failed = rig.kernel().agents().list(dev.cam.api.AgentQuery.ALL).get(0);

    assertEquals(0, rig.cam("retry", failed.shortId()));

    assertEquals(2, rig.kernel().agents().find(failed.id()).attempt());
  }

  @Test
  void dryRunShowsTheLaunchCommandAndStartsNothing() throws Exception {
    assertEquals(0, rig.cam("run", "fake", "x", "--dry-run", "--env", "FAKE_SCRIPT=/s", "--json"));

    JsonNode plan = JSON.readTree(rig.out());
    assertTrue(plan.get("command").toString().contains("FakeAgent"), plan.toString());
    assertTrue(rig.kernel().agents().list(dev.cam.api.AgentQuery.ALL).isEmpty());
  }

  private String output(String id) {
    rig.clear();
    rig.cam("output", id);
    return rig.out();
  }
}
