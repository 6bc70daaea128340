package dev.cam.plugin.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.Agent;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Screen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeLaunchAndSignalsTest {
  @TempDir Path configDir;

  private static Agent agent() {
    return new Agent(
        "0123456789",
        null,
        "claude",
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

  @Test
  void launchTypesThePromptAndAddsHooksThatWriteToTheSignalFile() throws IOException {
    LaunchSpec spec = new ClaudeToolAdapter(configDir).launch(new LaunchRequest(agent()));
    assertEquals("claude", spec.command().get(0));
    assertEquals("--settings", spec.command().get(1));
    assertFalse(spec.promptOnCommandLine());
    assertFalse(spec.command().contains("fix it"));
    assertEquals("1", spec.env().get("DISABLE_AUTOUPDATER"));
    JsonNode hooks = new ObjectMapper().readTree(spec.command().get(2)).get("hooks");
    for (String event : ClaudeHooks.EVENTS) {
      String command = hooks.get(event).get(0).get("hooks").get(0).get("command").asText();
      assertTrue(command.contains("\"$CAM_SIGNAL_FILE\""), command);
    }
  }

  @Test
  void hookEventsMapToStates() {
    ClaudeToolAdapter claude = new ClaudeToolAdapter(configDir);
    Detection stop = claude.readSignal("{\"hook_event_name\":\"Stop\"}").orElseThrow();
    assertTrue(stop.ready() && stop.completed());
    Detection edit =
        claude
            .readSignal("{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Edit\"}")
            .orElseThrow();
    assertEquals(AgentState.EDITING, edit.state());
    assertTrue(edit.busy());
    String test =
        "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"npm test\"}}";
    assertEquals(AgentState.TESTING, claude.readSignal(test).orElseThrow().state());
    assertEquals(
        AgentState.WAITING_PERMISSION,
        claude.readSignal("{\"hook_event_name\":\"PermissionRequest\"}").orElseThrow().state());
    Detection auth =
        claude
            .readSignal("{\"hook_event_name\":\"StopFailure\",\"error\":\"authentication_failed\"}")
            .orElseThrow();
    assertEquals(AgentStatus.WAITING, auth.failure().status());
    Detection limit =
        claude
            .readSignal("{\"hook_event_name\":\"StopFailure\",\"error\":\"rate_limit\"}")
            .orElseThrow();
    assertEquals(AgentStatus.FAILED, limit.failure().status());
    assertTrue(claude.readSignal("not json").isEmpty());
    assertTrue(claude.readSignal("{\"hook_event_name\":\"Other\"}").isEmpty());
  }

  @Test
  void userFileOverridesTheBuiltInRules() throws IOException {
    Path tools = Files.createDirectories(configDir.resolve("tools"));
    Files.writeString(
        tools.resolve("claude.toml"),
        """
        [launch]
        args = ["--model", "sonnet"]
        [[prompt]]
        name = "trust"
        kind = "trust"
        match = 'Is this a project you created or one you trust\\?'
        answer = []
        """);
    ClaudeToolAdapter claude = new ClaudeToolAdapter(configDir);
    Detection d =
        claude.read(Screen.of("Is this a project you created or one you trust?\n❯ No, exit"));
    assertFalse(d.prompt().answerable(), "the user wants to decide on trust");
    LaunchSpec spec = claude.launch(new LaunchRequest(agent()));
    assertEquals("sonnet", spec.command().get(4));
    assertNull(claude.read(Screen.of("hello")).failure());
  }
}
