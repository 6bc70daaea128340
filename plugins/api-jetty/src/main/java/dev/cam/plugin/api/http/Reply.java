package dev.cam.plugin.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: a status, a body serialised as JSON (or sent as is when it is a {@code
 * byte[]}), and extra headers.
 *
 * @param status HTTP status
 * @param body JSON-serialisable value, raw bytes, or {@code null} for no body
 * @param contentType media type of the body
 * @param headers extra response headers, copied
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public Reply {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static Reply ok(Object body) {
    return new Reply(200, body, JSON, Map.of());
  }

  public static Reply created(String location, Object body) {
    return new Reply(201, body, JSON, Map.of("Location", location));
  }

  public static Reply accepted(Object body) {
    return new Reply(202, body, JSON, Map.of());
  }

  public static Reply noContent() {
    return new Reply(204, null, null, Map.of());
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, body, contentType, copy);
  }
}
