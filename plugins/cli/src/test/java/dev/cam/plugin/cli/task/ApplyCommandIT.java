package dev.cam.plugin.cli.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.plugin.cli.CliRig;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cam apply and cam tasks with the fake agent in real tmux. */
class ApplyCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  private CliRig rig;
  private String ok;
  private String fail;

  @BeforeEach
  void setUp() throws Exception {
    Prerequisites.tmux();
    rig = new CliRig(temp);
    ok = Files.writeString(temp.resolve("ok.fake"), "ready\nbusy 300ms Working\ndone\n").toString();
    fail = Files.writeString(temp.resolve("fail.fake"), "login\nready\n").toString();
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  private Path file(String yaml) throws Exception {
    return Files.writeString(temp.resolve("tasks.yaml"), yaml);
  }

  @Test
  void aDiamondCompletesWithItsSidesInParallel() throws Exception {
    Path tasks =
        file(
            """
            defaults: {tool: fake}
            tasks:
              - {name: a, prompt: go, env: {FAKE_SCRIPT: %1$s}}
              - {name: b, prompt: go, depends_on: [a], env: {FAKE_SCRIPT: %1$s}}
              - {name: c, prompt: go, depends_on: [a], env: {FAKE_SCRIPT: %1$s}}
              - {name: d, prompt: go, depends_on: [b, c], env: {FAKE_SCRIPT: %1$s}}
            """
                .formatted(ok));

    assertEquals(0, rig.cam("apply", "-f", tasks.toString()), rig.out() + rig.err());

    assertTrue(rig.out().contains("4/4 completed"), rig.out());
    rig.clear();
    assertEquals(0, rig.cam("tasks", "--json"));
    JsonNode graph = JSON.readTree(rig.out()).get("graphs").get(0);
    assertEquals("completed", graph.get("status").asText());
    assertEquals(4, graph.get("tasks").size());
  }

  @Test
  void aFailedTaskSkipsItsDependentsAndExitsFour() throws Exception {
    Path tasks =
        file(
            """
            defaults: {tool: fake}
            tasks:
              - {name: a, prompt: go, env: {FAKE_SCRIPT: %s}}
              - {name: b, prompt: go, depends_on: [a], env: {FAKE_SCRIPT: %s}}
            """
                .formatted(fail, ok));

    assertEquals(4, rig.cam("apply", "-f", tasks.toString(), "--json"), rig.out() + rig.err());

    String last = rig.out().lines().reduce((x, y) -> y).orElseThrow();
    JsonNode graph = JSON.readTree(last).get("graph");
    assertEquals("failed", graph.get("status").asText());
    assertEquals("skipped", graph.get("tasks").get(1).get("status").asText());
    assertEquals("dependency 'a' failed", graph.get("tasks").get(1).get("reason").asText());
    rig.clear();
    assertEquals(0, rig.cam("tasks", graph.get("id").asText().substring(0, 6)));
    assertTrue(rig.out().contains("dependency 'a' failed"), rig.out());
  }
}
