package dev.cam.plugin.cli.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.Context;
import dev.cam.plugin.cli.CliRig;
import dev.cam.plugin.cli.system.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;
  private Path project;

  @BeforeEach
  void setUp() throws Exception {
    rig = new CliRig(temp);
    project = Files.createDirectories(temp.resolve("project"));
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void addThenListShowAndRemove() throws Exception {
    assertEquals(0, rig.cam("context", "add", "web", project.toString(), "--tag", "ui"));
    assertEquals(0, rig.cam("context", "list"));
    assertTrue(rig.out().contains("web   local    " + project + "  ui"), rig.out());

    rig.clear();
    assertEquals(0, rig.cam("context", "show", "web", "--json"));
    JsonNode shown = JSON.readTree(rig.out());
    assertEquals(project.toString(), shown.get("path").asText());
    assertEquals("local", shown.get("machine").get("label").asText());

    assertEquals(0, rig.cam("context", "remove", "web"));
    assertTrue(rig.kernel().contexts().list().isEmpty());
  }

  @Test
  void aLocalPathMustExistAndIsStoredAbsolute() {
    assertEquals(2, rig.cam("context", "add", "web", temp.resolve("nope").toString()));
    assertTrue(rig.err().contains("does not exist: create it first"), rig.err());

    assertEquals(0, rig.cam("context", "add", "rel", "."));
    assertTrue(rig.kernel().contexts().get("rel").path().startsWith("/"));
  }

  @Test
  void badNamesAndDuplicatesAreUsageErrors() {
    assertEquals(2, rig.cam("context", "add", "-bad/name", project.toString()));
    assertEquals(0, rig.cam("context", "add", "web", project.toString()));
    rig.clear();
    assertEquals(2, rig.cam("context", "add", "web", project.toString()));
    assertEquals(1, rig.err().lines().count(), rig.err());
  }

  @Test
  void aRemoteContextNeedsAnAbsolutePathOnly() {
    assertEquals(
        0,
        rig.cam(
            "context",
            "add",
            "box",
            "/srv/app",
            "--host",
            "box.lan",
            "--user",
            "me",
            "--port",
            "2222"));
    Context box = rig.kernel().contexts().get("box");
    assertEquals("me@box.lan:2222", box.machine().label());

    assertEquals(2, rig.cam("context", "add", "box2", "srv/app", "--host", "box.lan"));
    assertEquals(2, rig.cam("context", "add", "box3", project.toString(), "--user", "me"));
    assertTrue(rig.err().contains("give --host as well"), rig.err());
  }

  @Test
  void updateChangesTagsAndMachineKeepingTheRest() {
    rig.cam("context", "add", "web", project.toString(), "--tag", "a", "--tag", "b");

    assertEquals(0, rig.cam("context", "update", "web", "--tag", "c", "--untag", "a"));
    assertEquals(List.of("b", "c"), rig.kernel().contexts().get("web").tags());

    assertEquals(0, rig.cam("context", "update", "web", "--host", "box.lan"));
    assertEquals("box.lan", rig.kernel().contexts().get("web").machine().host());
    assertEquals(0, rig.cam("context", "update", "web", "--host", ""));
    assertTrue(rig.kernel().contexts().get("web").machine().isLocal());
  }

  @Test
  void unknownContextIsExitThree() {
    assertEquals(3, rig.cam("context", "show", "nope"));
    assertEquals(3, rig.cam("context", "remove", "nope"));
  }

  @Test
  void testOfARemoteContextWithoutTransportSaysSoAndFails() throws Exception {
    rig.cam("context", "add", "box", "/srv/app", "--host", "box.lan");

    assertEquals(1, rig.cam("context", "test", "box", "--json"));
    JsonNode report = JSON.readTree(rig.out().lines().reduce((a, b) -> b).orElseThrow());
    assertTrue(report.get("message").asText().contains("no transport for remote machines yet"));
  }

  @Test
  void testOfALocalContextFindsTmuxAndMeasuresLatency() throws Exception {
    boolean tmux = Programs.firstLine(List.of("tmux", "-V")).isPresent();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        tmux || "true".equals(System.getenv("CI")), "install tmux (apt install tmux)");
    rig.cam("context", "add", "web", project.toString());

    assertEquals(0, rig.cam("context", "test", "web", "--json"));
    JsonNode report = JSON.readTree(rig.out().lines().reduce((a, b) -> b).orElseThrow());
    // The tmux transport reports "3.3a"; without one the command falls back to "tmux 3.3a".
    assertTrue(report.get("tmux").asText().matches("(tmux )?\\d+\\.\\d+\\w*"), report.toString());
    assertTrue(report.get("latency_ms").asLong() >= 0);
    assertTrue(report.get("path_ok").asBoolean());
  }
}
