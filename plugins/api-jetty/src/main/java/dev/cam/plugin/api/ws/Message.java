package dev.cam.plugin.api.ws;

import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message from a client: {@code {"type":"auth","token":...}} or {@code {"type":"ping"}}.
 *
 * @param type the message type, or {@code null} when the message is not acceptable
 * @param token the token of an auth message
 * @param problem why the message is not acceptable, or {@code null}
 */
record Message(String type, String token, String problem) {
  static Message parse(Json json, String text) {
    try {
      Map<?, ?> map = json.read(text.getBytes(StandardCharsets.UTF_8), Map.class);
      if (!(map.get("type") instanceof String type)) {
        return new Message(null, null, "a message needs a string member 'type': auth or ping");
      }
      return new Message(type, map.get("token") instanceof String t ? t : null, null);
    } catch (ProblemException e) {
      return new Message(null, null, e.getMessage());
    }
  }
}
