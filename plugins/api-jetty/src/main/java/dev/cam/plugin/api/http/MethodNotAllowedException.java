package dev.cam.plugin.api.http;

import java.util.List;

/** A path that exists, asked with a method it does not take; answered 405 with {@code Allow}. */
final class MethodNotAllowedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> allowed;

  MethodNotAllowedException(String method, String path, List<String> allowed) {
    super(
        path
            + " does not take "
            + method
            + ": use "
            + String.join(" or ", allowed)
            + " (see GET /api/openapi.json)");
    this.allowed = List.copyOf(allowed);
  }

  List<String> allowed() {
    return allowed;
  }
}
