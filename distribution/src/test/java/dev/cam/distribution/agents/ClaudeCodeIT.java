package dev.cam.distribution.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentStatus;
import dev.cam.api.EventTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code, in two versions whose trust dialogs differ, run by CAM's real stack: the
 * trust dialog answered, "not logged in" detected, and whole turns against a scripted model API.
 */
class ClaudeCodeIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final String NOT_LOGGED_IN = "Claude Code is not logged in";
  private static final String MARKER = "cam-scripted-turn-7431";
  private static final String FILE = "made-by-cam.txt";
  private static final String API_KEY = "sk-ant-api03-cam-test-key-0123456789abcdefghij";

  @TempDir Path temp;
  private CamStack cam;
  private MockAnthropicApi api;

  @AfterEach
  void tearDown() {
    if (cam != null) {
      cam.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void claudeOnNode20TrustsTheFolderThenWaitsBecauseItIsNotLoggedIn() throws IOException {
    RealClis.claude();
    cam = new CamStack(temp, Map.of());
    ClaudeHome.prepare(cam.home(), null);

    Agent agent = cam.run("claude", "say hello", Map.of());
    Agent waiting = cam.awaitWaiting(agent.id(), NOT_LOGGED_IN, START);

    assertEquals(List.of(List.of("Enter")), trustKeys(agent.id()));
    assertTrue(
        waiting.exitReason().startsWith(NOT_LOGGED_IN + ": run 'claude'"), waiting.exitReason());
  }

  @Test
  void latestClaudeIsTrustedWithDownEnterAndStaysOpen() throws IOException {
    String latest = RealClis.claudeLatest();
    cam = new CamStack(temp, Map.of("claude", launch(latest)));
    ClaudeHome.prepare(cam.home(), null);

    Agent agent = cam.run("claude", "say hello", Map.of());
    Agent waiting = cam.awaitWaiting(agent.id(), NOT_LOGGED_IN, START);

    // Down until "Yes" shows selected (a Down the dialog drops is sent again), then Enter.
    List<List<String>> keys = trustKeys(agent.id());
    assertTrue(keys.size() >= 2, "" + keys);
    assertEquals(List.of("Enter"), keys.get(keys.size() - 1), "" + keys);
    assertTrue(
        keys.subList(0, keys.size() - 1).stream().allMatch(List.of("Down")::equals), "" + keys);
    assertTrue(waiting.exitReason().startsWith(NOT_LOGGED_IN), waiting.exitReason());
    assertTrue(cam.screen(agent.id()).contains("❯"), "the session is still open at its input box");
  }

  @Test
  void claudeOnNode20RunsAWholeTurnWithAPermissionPromptAgainstAScriptedModel() throws IOException {
    RealClis.claude();
    cam = new CamStack(temp, Map.of());
    wholeTurn(1);
  }

  @Test
  void latestClaudeRunsAWholeTurnWithAPermissionPromptAgainstAScriptedModel() throws IOException {
    String latest = RealClis.claudeLatest();
    cam = new CamStack(temp, Map.of("claude", launch(latest)));
    // Its trust dialog starts on "No, exit": Down, then Enter once Yes shows selected.
    wholeTurn(2);
  }

  /** Trust dialog, Bash tool call, permission prompt answered by CAM, file on disk, completion. */
  private void wholeTurn(int trustAnswers) throws IOException {
    api = new MockAnthropicApi(MARKER, "echo written-by-claude > " + FILE);
    ClaudeHome.prepare(cam.home(), API_KEY);

    Agent agent =
        cam.run(
            "claude",
            MARKER + ": write the file",
            Map.of("ANTHROPIC_BASE_URL", api.baseUrl(), "ANTHROPIC_API_KEY", API_KEY));
    Agent done = cam.awaitStatus(agent.id(), AgentStatus.COMPLETED, Duration.ofSeconds(90));

    List<AgentEvent> confirms = cam.events(agent.id(), EventTypes.AUTO_CONFIRM);
    // At least this many trust answers (a dropped Down is sent again), then the permission prompt.
    List<Object> kinds = confirms.stream().map(e -> e.detail().get("kind")).toList();
    String all = confirms + "\nall events: " + cam.events(agent.id());
    assertTrue(kinds.size() > trustAnswers, all);
    assertEquals(List.of("permission"), kinds.subList(kinds.size() - 1, kinds.size()), all);
    assertTrue(kinds.subList(0, kinds.size() - 1).stream().allMatch("trust"::equals), all);
    assertEquals(
        List.of("Enter"),
        confirms.get(kinds.size() - 1).detail().get("keys"),
        "1. Yes is preselected");
    Path file = cam.work().resolve(FILE);
    assertTrue(Files.exists(file), "the tool ran: " + file);
    assertEquals("written-by-claude", Files.readString(file).strip());
    assertEquals(List.of("tool_use", "final"), api.turns());
    // The Stop hook completes the agent as the turn ends, a moment before the answer is drawn;
    // a completed agent keeps its session, so the answer shows on its live screen.
    dev.cam.plugin.tmux.testkit.Await.value(
        () -> cam.screen(agent.id()),
        screen -> screen.contains(MockAnthropicApi.FINAL_TEXT),
        Duration.ofSeconds(20));
    assertTrue(done.exitReason().startsWith("the tool"), done.exitReason());
  }

  /** The keys of each answer given, all of them to the trust dialog. */
  @SuppressWarnings("unchecked")
  private List<List<String>> trustKeys(String id) {
    List<AgentEvent> confirms = cam.events(id, EventTypes.AUTO_CONFIRM);
    assertTrue(
        confirms.stream().allMatch(e -> "trust".equals(e.detail().get("kind"))), "" + confirms);
    return confirms.stream().map(e -> (List<String>) e.detail().get("keys")).toList();
  }

  /** A rules override that runs another Claude Code and asks before every tool, as 2.1.197 does. */
  private static String launch(String executable) {
    return "[launch]\ncommand = \""
        + executable
        + "\"\nargs = [\"--permission-mode\", \"default\"]\n";
  }
}
