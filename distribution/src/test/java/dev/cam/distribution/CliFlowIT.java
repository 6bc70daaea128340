package dev.cam.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/cam} end to end: {@code run} -> {@code list} -> {@code status} -> {@code
 * logs} with a file-defined tool ({@code <config>/tools/fake.toml}) whose CLI is a small shell
 * script that acts like a coding agent, in real tmux on a private socket.
 */
class CliFlowIT {
  private static final Path CAM = Path.of(System.getProperty("cam.dist")).resolve("bin/cam");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGENT =
      """
      #!/bin/bash
      printf '> '
      read -r task
      echo "working on: $task (esc to interrupt)"
      sleep 1
      echo "Task done"
      printf '> '
      sleep 600
      """;
  private static final String RULES =
      """
      [tool]
      id = "fake"
      name = "Fake agent"
      version_args = ["--version"]

      [launch]
      command = "bash"
      args = ["%s"]
      prompt = "typed"

      [screen]
      ready = ['^>\\s*$']
      busy = [{ match = 'esc to interrupt', lines = 1 }]
      completed = ['^Task done$']
      """;

  @TempDir Path temp;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    requireTmux();
    Path script = Files.writeString(temp.resolve("fake-agent.sh"), AGENT);
    Path tools = Files.createDirectories(temp.resolve("config/tools"));
    Files.writeString(tools.resolve("fake.toml"), RULES.formatted(script));
    env = Map.of("CAM_TMUX_SOCKET", temp.resolve("tmux.sock").toString());
  }

  @AfterEach
  void tearDown() throws Exception {
    new ProcessBuilder("tmux", "-S", temp.resolve("tmux.sock").toString(), "kill-server")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
  }

  private CamRun cam(String... args) throws Exception {
    return CamRun.of(CAM, temp, env, args);
  }

  @Test
  void runThenListStatusAndLogsShowTheSameCompletedAgent() throws Exception {
    CamRun run = cam("run", "fake", "write the docs", "--dir", temp.toString(), "--json");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String last = run.out().lines().reduce((a, b) -> b).orElseThrow();
    JsonNode agent = JSON.readTree(last).get("agent");
    assertEquals("completed", agent.get("status").asText(), last);
    String id = agent.get("id").asText();

    CamRun list = cam("list");
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().lines().skip(1).findFirst().orElse("").startsWith(id.substring(0, 8)));
    assertTrue(list.out().contains("completed") && list.out().contains("write the docs"));

    CamRun status = cam("status", id.substring(0, 6));
    assertEquals(0, status.exitCode(), status.err());
    assertTrue(status.out().contains("status    completed"), status.out());

    CamRun logs = cam("logs", id, "--json");
    assertEquals(0, logs.exitCode(), logs.err());
    JsonNode entries = JSON.readTree(logs.out()).get("entries");
    assertEquals("agent_created", entries.get(0).get("type").asText());
    assertTrue(logs.out().contains("\"to\":\"completed\""), logs.out());
  }

  @Test
  void toolsListAndCheckSeeTheFileDefinedTool() throws Exception {
    CamRun tools = cam("tools", "--json");
    assertEquals(0, tools.exitCode(), tools.err());
    assertTrue(tools.out().contains("\"id\":\"fake\""), tools.out());
    assertTrue(tools.out().contains("\"id\":\"claude\""), tools.out());

    Path screen = Files.writeString(temp.resolve("screen.txt"), "working\nTask done\n> \n");
    CamRun check = cam("tools", "check", "fake", screen.toString(), "--json");
    assertEquals(0, check.exitCode(), check.err());
    JsonNode detection = JSON.readTree(check.out());
    assertTrue(detection.get("ready").asBoolean(), check.out());
    assertTrue(detection.get("completed").asBoolean(), check.out());
  }

  @Test
  void anUnknownIdIsExitThreeAndAnAmbiguousOneExitTwo() throws Exception {
    CamRun missing = cam("status", "ffff");

    assertEquals(3, missing.exitCode());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("cam: no agent 'ffff'"), missing.err());
  }

  private static void requireTmux() {
    boolean present;
    try {
      present = new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      present = false;
    }
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(present, "tmux is required: install it (apt-get install tmux)");
    }
    Assumptions.assumeTrue(present, "tmux is not installed: install it to run this test");
  }
}
