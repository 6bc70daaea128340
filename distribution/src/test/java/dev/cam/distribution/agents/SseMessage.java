package dev.cam.distribution.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One streamed Anthropic Messages response with a single content block, as SSE text. */
final class SseMessage {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A text block, or a tool_use block whose input is streamed as one JSON delta. */
  record Block(String text, String toolId, String toolName, Map<String, String> input) {
    static Block text(String text) {
      return new Block(text, null, null, Map.of());
    }

    static Block bash(String id, String command, String description) {
      return new Block(null, id, "Bash", Map.of("command", command, "description", description));
    }

    boolean isTool() {
      return toolId != null;
    }
  }

  private SseMessage() {}

  static String of(Block block) {
    StringBuilder out = new StringBuilder();
    ObjectNode start = JSON.createObjectNode().put("type", "message_start");
    ObjectNode message =
        start
            .putObject("message")
            .put("id", "msg_cam")
            .put("type", "message")
            .put("role", "assistant");
    message.put("model", "claude-mock").putArray("content");
    message.putNull("stop_reason").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 10).put("output_tokens", 1);
    event(out, start);
    ObjectNode blockStart =
        JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
    ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
    if (block.isTool()) {
      blockStart
          .putObject("content_block")
          .put("type", "tool_use")
          .put("id", block.toolId())
          .put("name", block.toolName())
          .putObject("input");
      delta.putObject("delta").put("type", "input_json_delta").put("partial_json", json(block));
    } else {
      blockStart.putObject("content_block").put("type", "text").put("text", "");
      delta.putObject("delta").put("type", "text_delta").put("text", block.text());
    }
    event(out, blockStart);
    event(out, delta);
    event(out, JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
    ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
    messageDelta
        .putObject("delta")
        .put("stop_reason", block.isTool() ? "tool_use" : "end_turn")
        .putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", 5);
    event(out, messageDelta);
    event(out, JSON.createObjectNode().put("type", "message_stop"));
    return out.toString();
  }

  private static String json(Block block) {
    try {
      return JSON.writeValueAsString(block.input());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void event(StringBuilder out, ObjectNode data) {
    out.append("event: ").append(data.get("type").asText()).append('\n');
    out.append("data: ").append(data).append("\n\n");
  }
}
