package dev.cam.distribution.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** One streamed OpenAI Responses API answer with a single output item, as SSE text. */
final class ResponsesStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponsesStream() {}

  /** An assistant message with one text part. */
  static String text(String id, String text) {
    ObjectNode item =
        JSON.createObjectNode()
            .put("type", "message")
            .put("id", "msg_" + id)
            .put("role", "assistant")
            .put("status", "completed");
    item.putArray("content")
        .addObject()
        .put("type", "output_text")
        .put("text", text)
        .putArray("annotations");
    return of(id, item);
  }

  /** A call of {@code tool} with these arguments (sent as a JSON string, as the API does). */
  static String functionCall(String id, String callId, String tool, Map<String, String> args) {
    ObjectNode item =
        JSON.createObjectNode()
            .put("type", "function_call")
            .put("id", "fc_" + id)
            .put("call_id", callId)
            .put("name", tool)
            .put("arguments", JSON.valueToTree(args).toString())
            .put("status", "completed");
    return of(id, item);
  }

  private static String of(String id, ObjectNode item) {
    StringBuilder out = new StringBuilder();
    ObjectNode created = JSON.createObjectNode().put("type", "response.created");
    created.putObject("response").put("id", "resp_" + id);
    event(out, created);
    ObjectNode done =
        JSON.createObjectNode().put("type", "response.output_item.done").put("output_index", 0);
    done.set("item", item);
    event(out, done);
    ObjectNode completed = JSON.createObjectNode().put("type", "response.completed");
    ObjectNode response = completed.putObject("response").put("id", "resp_" + id);
    response
        .putObject("usage")
        .put("input_tokens", 10)
        .put("output_tokens", 5)
        .put("total_tokens", 15);
    event(out, completed);
    return out.toString();
  }

  private static void event(StringBuilder out, ObjectNode data) {
    out.append("event: ").append(data.get("type").asText()).append('\n');
    out.append("data: ").append(data).append("\n\n");
  }
}
