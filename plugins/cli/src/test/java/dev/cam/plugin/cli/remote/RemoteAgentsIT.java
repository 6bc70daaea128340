package dev.cam.plugin.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentStatus;
import dev.cam.plugin.cli.CliRig;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run, logs -f, output, send, key, stop, retry and kill through a real API server, whose kernel
 * runs the fake agent in real tmux; live events come over the WebSocket.
 */
class RemoteAgentsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;
  private ApiServer server;

  @BeforeEach
  void setUp() {
    Prerequisites.tmux();
    rig = new CliRig(temp);
    server = new ApiServer(rig.kernel());
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  private int remote(String... args) {
    List<String> all =
        new ArrayList<>(List.of("--server", server.url(), "--token", ApiServer.TOKEN));
    all.addAll(List.of(args));
    return rig.cam(all.toArray(String[]::new));
  }

  private String script(String name, String steps) throws Exception {
    return Files.writeString(temp.resolve(name), steps).toString();
  }

  @Test
  void runFollowsTheAgentOverTheWebSocketUntilItCompletes() throws Exception {
    String script = script("ok.fake", "ready\nbusy 1s Working\ndone\n");

    int code =
        remote("run", "fake", "fix it", "--dir", temp.toString(), "--env", "FAKE_SCRIPT=" + script);

    assertEquals(0, code, rig.out() + rig.err());
    assertTrue(rig.out().contains("status_change"), rig.out());
    assertTrue(rig.out().contains("to=running"), rig.out());
    String last = rig.out().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("agent ") && last.contains("completed"), rig.out());
    String id = rig.kernel().agents().list(dev.cam.api.AgentQuery.ALL).get(0).id();
    String followed =
        rig.out().lines().filter(l -> !l.startsWith("agent ")).reduce("", (a, b) -> a + b + "\n");

    rig.clear();
    assertEquals(0, rig.cam("logs", "-n", "0", id));
    assertEquals(rig.out(), followed, "run printed every event of the agent's log, once");
  }

  @Test
  void logsFollowPrintsLiveEventsUntilTheAgentEnds() throws Exception {
    String script = script("slow.fake", "ready\nbusy 3s Working\ndone\n");
    assertEquals(
        0,
        remote(
            "run",
            "fake",
            "x",
            "--detach",
            "--dir",
            temp.toString(),
            "--env",
            "FAKE_SCRIPT=" + script));
    String id = rig.out().strip();

    rig.clear();
    assertEquals(0, remote("logs", "-f", "--json", id.substring(0, 6)), rig.err());

    List<String> lines = rig.out().lines().toList();
    JsonNode last = JSON.readTree(lines.get(lines.size() - 1));
    assertEquals("completed", last.get("to").asText(), rig.out());
    assertEquals(AgentStatus.COMPLETED, rig.kernel().agents().find(id).status());
    long distinct = lines.stream().map(l -> readSeq(l)).distinct().count();
    assertEquals(lines.size(), distinct, "no entry twice: " + rig.out());
  }

  @Test
  void aDetachedAgentCanBeReadDrivenStoppedAndRetried() throws Exception {
    String script = script("busy.fake", "ready\nbusy 60s Working\n");
    assertEquals(
        0,
        remote(
            "run",
            "fake",
            "x",
            "--detach",
            "--dir",
            temp.toString(),
            "--env",
            "FAKE_SCRIPT=" + script));
    String id = rig.out().strip();
    Await.until(
        () -> rig.kernel().agents().find(id).status() == AgentStatus.RUNNING,
        Duration.ofSeconds(20),
        "the agent to run");
    Await.until(
        () -> output(id).contains("esc to interrupt"), Duration.ofSeconds(10), "the spinner");

    assertEquals(0, remote("send", id.substring(0, 6), "hello", "--no-enter"), rig.err());
    assertEquals(0, remote("key", id, "x"), rig.err());
    rig.clear();
    assertEquals(0, remote("stop", id, "--json"), rig.err());
    assertEquals("killed", JSON.readTree(rig.out()).get("status").asText());
    rig.clear();
    assertEquals(2, remote("send", id, "more"), "no live session any more");
    assertTrue(rig.err().contains("has no live session"), rig.err());
    assertEquals(1, rig.err().lines().count(), rig.err());

    rig.clear();
    assertEquals(0, remote("retry", id), rig.err());
    assertTrue(rig.out().startsWith("retrying " + id.substring(0, 8)), rig.out());
    assertEquals(2, rig.kernel().agents().find(id).attempt());
    rig.clear();
    assertEquals(0, remote("kill", id), rig.err());
    assertTrue(rig.out().startsWith("killed "), rig.out());
  }

  @Test
  void aContextAddedThroughTheServerIsTheServers() {
    assertEquals(0, remote("context", "add", "api", "/srv/not/here", "--tag", "x"), rig.err());
    assertEquals("/srv/not/here", rig.kernel().contexts().get("api").path());
    assertEquals(0, remote("context", "remove", "api"), rig.err());
    assertEquals(3, remote("context", "show", "api"));
  }

  private String output(String id) {
    rig.clear();
    remote("output", id);
    return rig.out();
  }

  private static long readSeq(String line) {
    try {
      return JSON.readTree(line).get("seq").asLong();
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
