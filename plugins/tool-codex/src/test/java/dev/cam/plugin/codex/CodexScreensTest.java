package dev.cam.plugin.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real screens of Codex CLI 0.169.0, captured in tmux (see the screens README). */
class CodexScreensTest {
  @TempDir static Path configDir;

  private static Detection read(String name) throws IOException {
    try (InputStream in = CodexScreensTest.class.getResourceAsStream("/screens/codex/" + name)) {
      assertNotNull(in, name);
      return new CodexToolAdapter(configDir)
          .read(Screen.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void signInMenuWaitsForAPersonWithAHint() throws IOException {
    Detection d = read("sign-in-0.169.0.txt");
    assertEquals(AgentStatus.WAITING, d.failure().status());
    assertTrue(d.failure().hint().contains("codex login"));
    assertNull(d.prompt(), "the sign-in menu's numbered options are not a permission prompt");
  }

  @Test
  void trustDialogInAGitRepositoryIsAnsweredWithEnter() throws IOException {
    Detection d = read("trust-0.169.0.txt");
    assertEquals("trust", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer());
    assertFalse(d.ready(), "the dialog's '› 1.' line is not the input prompt");
  }

  @Test
  void inputPromptIsReady() throws IOException {
    Detection d = read("ready-0.169.0.txt");
    assertTrue(d.ready());
    assertFalse(d.busy());
    assertNull(d.failure());
  }

  @Test
  void reconnectingIsBusyWhileRetrying() throws IOException {
    Detection d = read("busy-reconnecting-0.169.0.txt");
    assertTrue(d.busy());
    assertFalse(d.ready());
    assertNull(d.failure());
  }

  @Test
  void waitingForNetworkAsksAPerson() throws IOException {
    Detection d = read("busy-waiting-for-network-0.169.0.txt");
    assertEquals(AgentStatus.WAITING, d.failure().status());
  }

  @Test
  void launchRunsWithoutTheSharedDaemon() {
    Agent agent =
        new Agent(
            "0123456789",
            null,
            "codex",
            null,
            null,
            "/w",
            "fix it",
            AgentStatus.PENDING,
            null,
            null,
            null,
            Instant.now(),
            null,
            null,
            null,
            1,
            null);
    List<String> command =
        new CodexToolAdapter(configDir).launch(new LaunchRequest(agent)).command();
    assertEquals("codex", command.get(0));
    assertEquals("--no-daemon", command.get(command.size() - 1));
  }

  @Test
  void approvalPromptIsAnsweredWithEnterOnYesProceed() throws IOException {
    Detection d = read("permission-0.169.0.txt");
    assertEquals("permission", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer(), "the cursor is on '1. Yes, proceed'");
    assertFalse(d.ready(), "the echoed prompt '› write the file' is not the input box");
    assertFalse(d.completed());
  }

  @Test
  void finishedTurnIsCompletedAndReady() throws IOException {
    Detection d = read("completed-0.169.0.txt");
    assertTrue(d.completed(), "'Worked for 6s • 14:43'");
    assertTrue(d.ready());
    assertNull(d.prompt(), "the approval above was answered");
  }
}
