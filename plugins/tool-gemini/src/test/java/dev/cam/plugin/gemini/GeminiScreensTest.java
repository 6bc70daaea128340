package dev.cam.plugin.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Screen;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real screens of Gemini CLI 0.61.0, captured in tmux (see the screens README). */
class GeminiScreensTest {
  @TempDir static Path configDir;

  private static Detection read(String name) throws IOException {
    try (InputStream in = GeminiScreensTest.class.getResourceAsStream("/screens/gemini/" + name)) {
      assertNotNull(in, name);
      return new GeminiToolAdapter(configDir)
          .read(Screen.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void firstScreenTrustDialogIsAnsweredAndTheTipsListIsNot() throws IOException {
    Detection d = read("trust-0.61.0.txt");
    assertEquals("trust", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer());
  }

  @Test
  void trustDialogInAWidePaneIsAnsweredToo() throws IOException {
    Detection d = read("trust-wide-0.61.0.txt");
    assertEquals("trust", d.prompt().kind());
    assertTrue(d.prompt().answerable(), d.prompt().toString());
    assertEquals(List.of("Enter"), d.prompt().answer());
  }

  @Test
  void signInMenuWithoutAKeyWaitsForAPerson() throws IOException {
    Detection d = read("sign-in-0.61.0.txt");
    assertEquals(AgentStatus.WAITING, d.failure().status());
    assertTrue(d.failure().hint().contains("GEMINI_API_KEY"));
  }

  @Test
  void signInMenuWithAKeyInTheEnvironmentChoosesIt() throws IOException {
    Detection d = read("api-key-choice-0.61.0.txt");
    assertNull(d.failure());
    assertEquals("api_key", d.prompt().kind());
    assertEquals(List.of("Enter"), d.prompt().answer(), "the cursor starts on the key option");
    assertEquals(List.of("Enter"), read("api-key-entry-0.61.0.txt").prompt().answer());
  }

  @Test
  void inputBoxIsReadyAndThinkingIsBusy() throws IOException {
    Detection ready = read("ready-0.61.0.txt");
    assertTrue(ready.ready());
    assertNull(ready.prompt(), "the numbered tips above the input box are not a prompt");
    Detection busy = read("busy-0.61.0.txt");
    assertTrue(busy.busy());
    assertFalse(busy.ready());
  }

  @Test
  void waitingForAuthenticationIsNeitherReadyNorFailed() throws IOException {
    Detection d = read("auth-wait-0.61.0.txt");
    assertFalse(d.ready());
    assertNull(d.failure());
    assertNull(d.prompt(), "the answered trust dialog above it is history");
  }

  @Test
  void enterWaitsAfterTheTypedPrompt() {
    assertEquals(Duration.ofMillis(400), new GeminiToolAdapter(configDir).submitPause());
  }
}
