package dev.cam.plugin.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real screens of Claude Code 2.1.197 and 2.1.331, captured in tmux (see the screens README). */
class ClaudeScreensTest {
  @TempDir static Path configDir;

  private static Detection read(String name) throws IOException {
    try (InputStream in = ClaudeScreensTest.class.getResourceAsStream("/screens/claude/" + name)) {
      assertNotNull(in, name);
      return new ClaudeToolAdapter(configDir)
          .read(Screen.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void trustDialogWithCursorOnYesIsAnsweredWithEnter() throws IOException {
    Detection d = read("trust-2.1.197.txt");
    assertEquals("trust", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer());
    assertFalse(d.ready());
  }

  @Test
  void trustDialogWithTheTickOfItsAnswerIsNotAnsweredAgain() throws IOException {
    assertNull(read("trust-answered-2.1.197.txt").prompt());
  }

  @Test
  void trustDialogWithCursorOnNoMovesToYesFirst() throws IOException {
    Detection d = read("trust-2.1.331.txt");
    assertEquals("trust", d.prompt().kind());
    assertEquals(List.of("Down"), d.prompt().answer(), "Enter once the screen shows Yes selected");
    assertEquals(List.of("Enter"), read("trust-2.1.331-cursor-on-yes.txt").prompt().answer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"api-key-2.1.197.txt", "api-key-2.1.331.txt"})
  void customApiKeyQuestionSelectsYesAboveTheCursor(String screen) throws IOException {
    Detection d = read(screen);
    assertEquals("api_key", d.prompt().kind());
    assertEquals(List.of("Up"), d.prompt().answer());
    assertEquals(AgentState.WAITING_INPUT, d.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"permission-bash-2.1.197.txt", "permission-bash-2.1.331.txt"})
  void bashPermissionPromptIsAnsweredYesOnce(String screen) throws IOException {
    Detection d = read(screen);
    assertEquals("permission", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer());
    assertTrue(d.prompt().text().contains("touch hello.txt"));
    assertEquals(AgentState.WAITING_PERMISSION, d.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ready-2.1.197.txt", "ready-2.1.331.txt"})
  void emptyInputBoxIsReady(String screen) throws IOException {
    Detection d = read(screen);
    assertTrue(d.ready());
    assertFalse(d.busy());
    assertNull(d.prompt());
    assertNull(d.failure());
    assertEquals(AgentState.IDLE, d.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"busy-retrying-2.1.197.txt", "busy-retrying-2.1.331.txt"})
  void escToInterruptIsBusyNotReady(String screen) throws IOException {
    Detection d = read(screen);
    assertTrue(d.busy());
    assertFalse(d.ready());
    assertNull(d.failure());
    assertEquals(AgentState.THINKING, d.state());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-logged-in-2.1.197.txt",
        "not-logged-in-2.1.331.txt",
        "ready-no-login-2.1.197.txt",
        "ready-no-login-2.1.331.txt"
      })
  void notLoggedInWaitsForAPersonWithAHint(String screen) throws IOException {
    Detection d = read(screen);
    assertEquals(AgentStatus.WAITING, d.failure().status());
    assertEquals("Claude Code is not logged in", d.failure().reason());
    assertTrue(d.failure().hint().contains("/login"));
    assertFalse(d.ready(), "no prompt is typed into a tool that can't work");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api-error-2.1.197.txt", "api-error-2.1.331.txt"})
  void apiErrorAfterRetriesFails(String screen) throws IOException {
    Detection d = read(screen);
    assertEquals(AgentStatus.FAILED, d.failure().status());
    assertTrue(d.failure().hint().contains("ANTHROPIC_BASE_URL"));
  }

  @Test
  void offlineFirstStartFails() throws IOException {
    assertEquals(AgentStatus.FAILED, read("offline-first-start-2.1.197.txt").failure().status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"completed-2.1.197.txt", "completed-2.1.331.txt"})
  void turnSummaryLineMeansCompletedAndReady(String screen) throws IOException {
    Detection d = read(screen);
    assertTrue(d.completed());
    assertTrue(d.ready());
    assertNull(d.prompt());
  }

  @Test
  void numberedListInClaudesOwnAnswerIsNotAPrompt() throws IOException {
    Detection d = read("numbered-list-in-output.txt");
    assertNull(d.prompt());
    assertTrue(d.ready());
  }
}
