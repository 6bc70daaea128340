package dev.cam.distribution.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.EventTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Codex and Gemini CLIs with no account, run by CAM: their first screens recognised. */
class CodexAndGeminiIT {
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir Path temp;
  private CamStack cam;

  @AfterEach
  void tearDown() {
    if (cam != null) {
      cam.close();
    }
  }

  @Test
  void codexWithNoAccountWaitsAtItsSignInMenuWithAHint() throws IOException {
    RealClis.codex();
    cam = new CamStack(temp, Map.of());

    Agent agent = cam.run("codex", "say hello", Map.of());
    Agent waiting = cam.awaitWaiting(agent.id(), "Codex is not signed in", START);

    assertEquals(
        "Codex is not signed in: run 'codex login' on that machine (or pipe a key to 'codex login"
            + " --with-api-key'), then retry",
        waiting.exitReason());
    assertTrue(cam.screen(agent.id()).contains("Sign in with ChatGPT"), cam.screen(agent.id()));
  }

  @Test
  void geminiWithNoAccountIsTrustedThenWaitsAtItsSignInMenu() throws IOException {
    RealClis.gemini();
    cam = new CamStack(temp, Map.of());

    // Gemini CLI runs headless when CI=true (as in a CI build): no dialogs, it exits at once
    // asking for an auth method. The agent gets a terminal, so tell it it is not in CI.
    Agent agent = cam.run("gemini", "say hello", Map.of("CI", "false"));
    // Gemini starts twice (the trust restart); on a loaded machine each start takes 20 s and more.
    Agent waiting =
        cam.awaitWaiting(agent.id(), "Gemini CLI is not signed in", START.multipliedBy(2));

    // Gemini leaves the dialog unchanged for about 3 s after Enter, longer than the confirm
    // cooldown, so a second Enter may go out; no third while the same dialog stays on screen.
    List<Object> kinds =
        cam.events(agent.id(), EventTypes.AUTO_CONFIRM).stream()
            .map(e -> e.detail().get("kind"))
            .toList();
    assertFalse(kinds.isEmpty(), "the trust dialog was answered");
    assertTrue(kinds.size() <= 2 && kinds.stream().allMatch("trust"::equals), kinds.toString());
    assertTrue(
        waiting.exitReason().startsWith("Gemini CLI is not signed in: "), waiting.exitReason());
  }
}
