package dev.cam.plugin.api.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One method and path template, e.g. {@code GET /api/agents/{id}}, and what handles it.
 *
 * @param method HTTP method in upper case
 * @param template path with {@code {name}} placeholders, each matching one non-empty segment
 * @param summary one line for the OpenAPI document
 * @param endpoint the handler
 */
public record Route(String method, String template, String summary, Endpoint endpoint) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(endpoint, "endpoint");
    if (template == null || !template.startsWith("/")) {
      throw new IllegalArgumentException("a route template starts with '/': " + template);
    }
  }

  List<String> segments() {
    return Paths.segments(template);
  }

  /** The placeholders' values when the path's segments fit the template, else {@code null}. */
  Map<String, String> match(List<String> path) {
    List<String> parts = segments();
    if (parts.size() != path.size()) {
      return null;
    }
    Map<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (part.startsWith("{") && part.endsWith("}")) {
        params.put(part.substring(1, part.length() - 1), path.get(i));
      } else if (!part.equals(path.get(i))) {
        return null;
      }
    }
    return params;
  }
}
