package dev.cam.plugin.codex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexLaunchAndSignalsTest {
  private static final String TURN =
      "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t1\",\"turn-id\":\"u1\",\"cwd\":\"/w\","
          + "\"client\":\"codex-tui\",\"input-messages\":[\"fix it\"],"
          + "\"last-assistant-message\":\"Done.\"}";
  private static final String TITLE =
      "{\"type\":\"agent-turn-complete\",\"thread-id\":\"t2\",\"input-messages\":[\"Generate a"
          + " concise, single-line task title of at most 36 characters.\\n\\nUser prompt:\\nfix"
          + " it\"],\"last-assistant-message\":\"Fix it\"}";

  @TempDir Path dir;

  @Test
  void launchAddsANotifyProgramBeforeTheRulesArguments() {
    LaunchSpec spec = new CodexToolAdapter(dir).launch(new LaunchRequest(agent()));

    assertEquals("codex", spec.command().get(0));
    assertEquals("-c", spec.command().get(1));
    assertTrue(spec.command().get(2).startsWith("notify=[\"sh\", \"-c\", "), spec.command().get(2));
    assertFalse(spec.promptOnCommandLine(), "the prompt is typed once Codex is ready");
  }

  @Test
  void notifyScriptAppendsTheNotificationAsOneLineToTheSignalFile() throws Exception {
    Path signals = dir.resolve("signals.jsonl");
    String multiLine = "{\"type\":\"agent-turn-complete\",\n\"input-messages\":[]}";

    for (String json : List.of(multiLine, TURN)) {
      ProcessBuilder sh = new ProcessBuilder("sh", "-c", CodexNotify.SCRIPT, "cam-notify", json);
      sh.environment().put("CAM_SIGNAL_FILE", signals.toString());
      Process process = sh.inheritIO().start();
      assertTrue(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0);
    }

    assertEquals(
        List.of("{\"type\":\"agent-turn-complete\",\"input-messages\":[]}", TURN),
        Files.readAllLines(signals));
  }

  @Test
  void notifyScriptDoesNothingWithoutASignalFile() throws IOException, InterruptedException {
    ProcessBuilder sh = new ProcessBuilder("sh", "-c", CodexNotify.SCRIPT, "cam-notify", TURN);
    sh.environment().remove("CAM_SIGNAL_FILE");
    Process process = sh.directory(dir.toFile()).start();

    assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue());
  }

  @Test
  void aCompletedTurnCompletesTheAgent() {
    Detection d = new CodexToolAdapter(dir).readSignal(TURN).orElseThrow();

    assertTrue(d.completed());
    assertTrue(d.ready());
  }

  @Test
  void theSessionTitleConversationAndForeignLinesMeanNothing() {
    CodexToolAdapter codex = new CodexToolAdapter(dir);

    assertTrue(codex.readSignal(TITLE).isEmpty(), "Codex naming its session is not the turn");
    assertTrue(codex.readSignal("not json").isEmpty());
    assertTrue(codex.readSignal("{\"type\":\"other\"}").isEmpty());
  }

  private static Agent agent() {
    return new Agent(
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
  }
}
