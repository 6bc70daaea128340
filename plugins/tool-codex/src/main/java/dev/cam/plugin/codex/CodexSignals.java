package dev.cam.plugin.codex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentState;
import dev.cam.api.Detection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps one Codex notification (see {@link CodexNotify}) to what it says. Thread-safe.
 *
 * <p>Codex names its session from the first prompt in a side conversation of its own, which also
 * ends with {@code agent-turn-complete}, right after the prompt is sent and long before the turn
 * itself ends; that one is not the agent's turn and is ignored.
 */
final class CodexSignals {
  private static final Detection TURN_COMPLETE =
      new Detection(AgentState.IDLE, true, false, null, true, null);
  private static final Pattern TITLE_REQUEST =
      Pattern.compile("(?s)Generate a [^\\n]*\\btitle\\b.*");
  private final ObjectMapper json = new ObjectMapper();

  Optional<Detection> read(String line) {
    JsonNode event;
    try {
      event = json.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty(); // a partial or foreign line: the screen still tells
    }
    if (event == null
        || !"agent-turn-complete".equals(event.path("type").asText())
        || namesTheSession(event.path("input-messages"))) {
      return Optional.empty();
    }
    return Optional.of(TURN_COMPLETE);
  }

  private static boolean namesTheSession(JsonNode inputs) {
    return inputs.size() == 1 && TITLE_REQUEST.matcher(inputs.get(0).asText()).matches();
  }
}
