package dev.cam.plugin.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error response as {@code application/problem+json} (RFC 9457).
 *
 * @param status HTTP status
 * @param slug short kind of problem, made into the {@code type} URI {@code urn:cam:problem:<slug>}
 * @param title short summary of the kind, the same for every problem of that kind
 * @param detail what happened to this request and what to do about it
 * @param extra further members, e.g. {@code candidates} of an ambiguous id, copied
 */
public record Problem(
    int status, String slug, String title, String detail, Map<String, Object> extra) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    extra = extra == null ? Map.of() : Map.copyOf(extra);
  }

  public Problem(int status, String slug, String title, String detail) {
    this(status, slug, title, detail, Map.of());
  }

  public String type() {
    return "urn:cam:problem:" + slug;
  }

  /** The JSON members, in a stable order. */
  public Map<String, Object> body(String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type());
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    body.putAll(extra);
    return body;
  }

  public static Problem badRequest(String detail) {
    return new Problem(400, "invalid-input", "Invalid input", detail);
  }

  public static Problem notFound(String detail) {
    return new Problem(404, "not-found", "Not found", detail);
  }

  public static Problem unavailable(String detail) {
    return new Problem(503, "unavailable", "Service unavailable", detail);
  }
}
