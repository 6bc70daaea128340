package dev.cam.plugin.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Failure;
import java.util.Optional;

/** Maps one Claude Code hook event to what it says about the session. Thread-safe. */
final class ClaudeSignals {
  private static final Detection READY =
      new Detection(AgentState.IDLE, true, false, null, false, null);
  private final ObjectMapper json = new ObjectMapper();

  Optional<Detection> read(String line) {
    JsonNode event;
    try {
      event = json.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty(); // a partial or foreign line: the screen still tells
    }
    if (event == null || !event.isObject()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (event.path("hook_event_name").asText()) {
          case "SessionStart" -> READY;
          case "Stop" -> new Detection(AgentState.IDLE, true, false, null, true, null);
          case "UserPromptSubmit", "PostToolUse" -> busy(AgentState.THINKING);
          case "PreToolUse" -> busy(toolState(event));
          case "PermissionRequest" -> waiting();
          case "Notification" -> notification(event);
          case "StopFailure" -> failure(event);
          case "SessionEnd" -> new Detection(AgentState.UNKNOWN, false, false, null, true, null);
          default -> null;
        });
  }

  private static Detection busy(AgentState state) {
    return new Detection(state, false, true, null, false, null);
  }

  private static Detection waiting() {
    return new Detection(AgentState.WAITING_PERMISSION, false, false, null, false, null);
  }

  private static Detection notification(JsonNode event) {
    return switch (event.path("notification_type").asText()) {
      case "permission_prompt" -> waiting();
      case "idle_prompt" -> READY;
      default -> null;
    };
  }

  private static AgentState toolState(JsonNode event) {
    String tool = event.path("tool_name").asText();
    String command = event.path("tool_input").path("command").asText("");
    return switch (tool) {
      case "Edit", "Write", "MultiEdit", "NotebookEdit" -> AgentState.EDITING;
      case "Read", "Grep", "Glob", "LS", "WebFetch", "WebSearch" -> AgentState.READING;
      case "TodoWrite", "ExitPlanMode" -> AgentState.PLANNING;
      case "Bash" ->
          command.matches("(?s)\\s*git (commit|push|merge|rebase).*")
              ? AgentState.COMMITTING
              : command.matches("(?s).*\\b(test|pytest|mvnw?|gradlew?|jest|vitest)\\b.*")
                  ? AgentState.TESTING
                  : AgentState.THINKING;
      default -> AgentState.THINKING;
    };
  }

  private static Detection failure(JsonNode event) {
    String error = event.path("error").asText("unknown");
    Failure failure =
        "authentication_failed".equals(error)
            ? new Failure(
                "Claude Code is not logged in",
                "run 'claude' in a terminal and log in with /login, or give the agent ANTHROPIC_API_KEY",
                AgentStatus.WAITING)
            : new Failure(
                "Claude Code stopped on an API error: " + error,
                "read the agent's screen, check the account and the network, then retry",
                AgentStatus.FAILED);
    return new Detection(AgentState.UNKNOWN, false, false, null, false, failure);
  }
}
