package dev.cam.plugin.api.ws;

import dev.cam.api.AgentEvent;
import dev.cam.api.EventTypes;
import dev.cam.plugin.api.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket's JSON frames: {@code event} for every event but output, {@code log} for output
 * lines, and the control frames {@code ready}, {@code pong} and {@code error}.
 */
final class Frames {
  private final Json json;

  Frames(Json json) {
    this.json = json;
  }

  String of(AgentEvent event) {
    Map<String, Object> frame = new LinkedHashMap<>();
    boolean output = event.type().equals(EventTypes.OUTPUT);
    frame.put("type", output ? "log" : "event");
    frame.put("seq", event.seq());
    frame.put("agent_id", event.agentId());
    if (output) {
      frame.put("ts", event.timestamp().toString());
      Object lines = event.detail().get("lines");
      frame.put("lines", lines instanceof List<?> list ? list : List.of());
    } else {
      frame.put("event", event.type());
      frame.put("ts", event.timestamp().toString());
      frame.put("detail", event.detail());
    }
    return json.writeString(frame);
  }

  /** After authentication and replay: live events follow. */
  String ready(long lastSeq, int replayed) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "ready");
    frame.put("last_seq", lastSeq);
    frame.put("replayed", replayed);
    return json.writeString(frame);
  }

  String pong() {
    return json.writeString(Map.of("type", "pong"));
  }

  String error(String detail) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "error");
    frame.put("detail", detail);
    return json.writeString(frame);
  }
}
