package dev.cam.plugin.cli.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor, init, completion and tools through picocli against a real kernel. */
class SystemCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void initCreatesDirectoriesConfigAndAFirstContextAndIsSafeToRepeat() throws Exception {
    Path project = Files.createDirectories(temp.resolve("project"));

    assertEquals(0, rig.cam("init", "--context", "main", project.toString(), "--json"));
    JsonNode first = JSON.readTree(rig.out());
    assertTrue(first.get("created").size() >= 5, first.toString());
    assertEquals("main", first.get("context").asText());
    assertTrue(Files.isRegularFile(temp.resolve("config/config.toml")));
    assertTrue(Files.isRegularFile(temp.resolve("data/cam.db")));

    rig.clear();
    assertEquals(0, rig.cam("init"));
    assertTrue(rig.out().contains("already set up"), rig.out());
  }

  @Test
  void doctorChecksJavaTmuxAndTheDataDirWithFixes() throws Exception {
    boolean tmux = Programs.firstLine(List.of("tmux", "-V")).isPresent();

    int code = rig.cam("doctor", "--json");

    JsonNode report = JSON.readTree(rig.out());
    assertEquals(tmux ? 0 : 1, code, rig.out());
    JsonNode checks = report.get("checks");
    assertEquals("java", checks.get(0).get("name").asText());
    assertTrue(checks.get(0).get("ok").asBoolean());
    assertEquals("tmux", checks.get(1).get("name").asText());
    assertEquals(tmux, checks.get(1).get("ok").asBoolean());
    assertEquals("data dir", checks.get(3).get("name").asText());
  }

  @Test
  void doctorFailsWhenTheConfiguredServerDoesNotAnswer() throws Exception {
    rig.close();
    rig = new CliRig(temp, Map.of("CAM_SERVER_URL", "http://127.0.0.1:1"));

    assertEquals(1, rig.cam("doctor", "--json"));

    JsonNode last = JSON.readTree(rig.out()).get("checks");
    JsonNode server = null;
    for (JsonNode check : last) {
      server = check.get("name").asText().equals("server") ? check : server;
    }
    assertFalse(server.get("ok").asBoolean());
    assertTrue(server.get("fix").asText().contains("cam serve"), server.toString());
  }

  @Test
  void completionScriptsCoverEveryCommand() {
    assertEquals(0, rig.cam("completion", "bash"));
    assertTrue(
        rig.out().contains("complete -F _complete_cam"), rig.out().lines().findFirst().orElse(""));
    assertTrue(rig.out().contains("context") && rig.out().contains("prune"));

    rig.clear();
    assertEquals(0, rig.cam("completion", "zsh"));
    assertTrue(rig.out().startsWith("#compdef cam\n"));
    assertEquals(2, rig.cam("completion", "fish"));
  }

  @Test
  void toolsListsOnlyTheAdaptersPresentAndAnUnknownToolIsAUsageError() throws Exception {
    // The test class path carries one adapter, the agent tests' fake tool, and no real one.
    assertEquals(0, rig.cam("tools", "--json"));
    assertEquals(
        "{\"tools\":[{\"id\":\"fake\",\"name\":\"fake\",\"source\":\"plugin\","
            + "\"installed\":true,\"version\":\"1.0.0\"}]}",
        rig.out().strip());

    Path screen = Files.writeString(temp.resolve("screen.txt"), "> ");
    assertEquals(2, rig.cam("tools", "check", "claude", screen.toString()));
    assertTrue(rig.err().contains("unknown tool 'claude'"), rig.err());
  }
}
