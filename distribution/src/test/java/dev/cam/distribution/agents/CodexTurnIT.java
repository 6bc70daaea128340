package dev.cam.distribution.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Codex CLI run by the real {@code bin/cam run} in tmux against a scripted Responses API
 * on 127.0.0.1: the prompt typed, Codex's approval prompt answered by CAM, the command's file on
 * disk, the turn's end reported by Codex's notify program, the agent completed and {@code cam run}
 * exiting 0. Codex is pointed at the mock by a {@code model_providers} entry in its own config; the
 * approval policy and the key reach it through CAM's {@code [tools.codex]} section.
 */
class CodexTurnIT {
  private static final Path CAM = Path.of(System.getProperty("cam.dist")).resolve("bin/cam");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKER = "cam-scripted-turn-5120";
  private static final String FILE = "made-by-codex.txt";
  private static final long RUN_SECONDS = 150;

  @TempDir Path temp;
  private Path socket;
  private Path work;
  private Path codexHome;
  private MockResponsesApi api;

  @BeforeEach
  void setUp() throws IOException, InterruptedException {
    Prerequisites.tmux();
    RealClis.codex();
    api = new MockResponsesApi(MARKER, "echo written-by-codex > " + FILE);
    socket = temp.resolve("tmux.sock");
    work = Files.createDirectories(temp.resolve("work"));
    // A repository of its own, trusted in Codex's config: Codex draws its input box before it
    // asks whether to trust a repository, so a typed prompt can be lost to that late question.
    // Without a repository of its own it would ask about the checkout the build runs in.
    git("init", "-q", work.toString());
    codexHome = Files.createDirectories(temp.resolve("home/.codex"));
    codexConfig(
        """

        [projects."%s"]
        trust_level = "trusted"
        """
            .formatted(work));
    Files.writeString(
        Files.createDirectories(temp.resolve("config")).resolve("config.toml"),
        """
        [tmux]
        socket = "%s"

        [tools.codex]
        args = ["-a", "on-request"]

        [tools.codex.env]
        CODEX_HOME = "%s"
        CAM_TEST_MODEL_KEY = "sk-cam-test-0123456789"
        """
            .formatted(socket, codexHome));
  }

  @AfterEach
  void tearDown() {
    TmuxServer.endAll(socket, TmuxServer.panePids(socket));
    if (api != null) {
      api.close();
    }
  }

  @Test
  void codexRunsAWholeTurnWithItsApprovalPromptAnsweredByCam() throws Exception {
    List<JsonNode> lines =
        camRun(
            "run",
            "codex",
            MARKER + ": write the file",
            "--dir",
            work.toString(),
            "--timeout",
            "2m",
            "--json");

    JsonNode agent = lines.get(lines.size() - 1).get("agent");
    assertEquals("completed", agent.get("status").asText(), agent.toString());
    assertEquals("the tool reported that it finished", agent.get("exit_reason").asText());
    List<JsonNode> confirms = ofType(lines, "auto_confirm");
    assertEquals(
        List.of("permission"),
        confirms.stream().map(c -> c.get("kind").asText()).toList(),
        confirms.toString());
    assertEquals("[\"Enter\"]", confirms.get(0).get("keys").toString(), "1. Yes is preselected");
    Path file = work.resolve(FILE);
    assertTrue(Files.exists(file), "Codex ran the approved command: " + file);
    assertEquals("written-by-codex", Files.readString(file).strip());
    assertEquals(List.of("function_call", "final"), api.turns());
  }

  /**
   * Codex draws its input box, takes the typed prompt, and only then asks about the repository: the
   * prompt must still reach the model, exactly once (a prompt sent again would start a second
   * turn). Whether CAM's Enter lands before or under the dialog depends on timing; the fake agent's
   * ITs in the platform cover each case deterministically.
   */
  @Test
  void aTrustDialogCodexShowsAfterItsInputBoxDoesNotCostThePrompt() throws Exception {
    codexConfig(""); // the repository is not trusted yet: Codex asks, late

    List<JsonNode> lines =
        camRun(
            "run",
            "codex",
            MARKER + ": write the file",
            "--dir",
            work.toString(),
            "--timeout",
            "2m",
            "--json");

    JsonNode agent = lines.get(lines.size() - 1).get("agent");
    assertEquals("completed", agent.get("status").asText(), agent.toString());
    List<JsonNode> confirms = ofType(lines, "auto_confirm");
    assertEquals(
        List.of("trust", "permission"),
        confirms.stream().map(c -> c.get("kind").asText()).toList(),
        confirms.toString());
    assertEquals("written-by-codex", Files.readString(work.resolve(FILE)).strip());
    assertEquals(List.of("function_call", "final"), api.turns(), "the prompt was sent once");
  }

  /** Codex's own configuration: the mock model provider, then {@code extra}. */
  private void codexConfig(String extra) throws IOException {
    Files.writeString(
        codexHome.resolve("config.toml"),
        """
        model = "gpt-5-cam-mock"
        model_provider = "cam-mock"

        [model_providers.cam-mock]
        name = "CAM test model"
        base_url = "%s"
        env_key = "CAM_TEST_MODEL_KEY"
        wire_api = "responses"
        """
                .formatted(api.baseUrl())
            + extra);
  }

  /** Runs {@code bin/cam} to its end; its JSON lines, or a failure with its output and screen. */
  private List<JsonNode> camRun(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CAM.toString()));
    command.addAll(List.of(args));
    Path out = temp.resolve("cam.out");
    Path err = temp.resolve("cam.err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", temp.resolve("home").toString());
    env.put("CAM_CONFIG_DIR", temp.resolve("config").toString());
    env.put("CAM_DATA_DIR", temp.resolve("data").toString());
    env.remove("JAVA_OPTS");
    Process process = builder.start();
    boolean ended = process.waitFor(RUN_SECONDS, TimeUnit.SECONDS);
    if (!ended) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String report = "cam run: " + stdout + "\nstderr: " + Files.readString(err) + "\n";
    assertTrue(ended, "cam run did not end within " + RUN_SECONDS + " s; " + report);
    assertEquals(0, process.exitValue(), report);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : stdout.lines().filter(l -> l.startsWith("{")).toList()) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  private static void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "git init");
  }

  private static List<JsonNode> ofType(List<JsonNode> lines, String type) {
    return lines.stream().filter(l -> type.equals(l.path("type").asText())).toList();
  }
}
