package dev.cam.plugin.aider;

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

/** Screens written from Aider's known output; Aider can't be installed here (see README). */
class AiderScreensTest {
  @TempDir static Path configDir;

  private static Detection read(String name) throws IOException {
    try (InputStream in = AiderScreensTest.class.getResourceAsStream("/screens/aider/" + name)) {
      assertNotNull(in, name);
      return new AiderToolAdapter(configDir)
          .read(Screen.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void inputPromptIsReady() throws IOException {
    Detection d = read("ready.txt");
    assertTrue(d.ready());
    assertEquals(AgentState.IDLE, d.state());
  }

  @Test
  void editPermissionIsAnsweredYes() throws IOException {
    Detection d = read("allow-edits.txt");
    assertEquals("permission", d.prompt().kind());
    assertEquals(List.of("y", "Enter"), d.prompt().answer());
  }

  @Test
  void addFilePermissionIsAnsweredYes() throws IOException {
    assertEquals(List.of("y", "Enter"), read("add-file.txt").prompt().answer());
  }

  @Test
  void unknownQuestionIsLeftToAPerson() throws IOException {
    Detection d = read("open-url.txt");
    assertEquals("question", d.prompt().kind());
    assertFalse(d.prompt().answerable());
  }

  @Test
  void tokenLineAfterAReplyMeansCompleted() throws IOException {
    Detection d = read("completed.txt");
    assertTrue(d.completed());
    assertTrue(d.ready());
  }

  @Test
  void waitingForTheModelIsBusy() throws IOException {
    Detection d = read("busy.txt");
    assertTrue(d.busy());
    assertFalse(d.ready());
  }

  @Test
  void missingApiKeyFails() throws IOException {
    assertEquals(AgentStatus.FAILED, read("no-api-key.txt").failure().status());
  }

  @Test
  void questionScrolledAboveTheInputPromptIsNotAPrompt() throws IOException {
    assertNull(read("answered-question.txt").prompt());
  }
}
