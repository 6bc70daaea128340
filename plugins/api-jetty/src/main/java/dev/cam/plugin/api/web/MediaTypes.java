package dev.cam.plugin.api.web;

import java.util.Map;

/** Content types of the web app's files, by extension; anything else is served as bytes. */
final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "webmanifest", "application/manifest+json",
          "json", "application/json",
          "svg", "image/svg+xml",
          "png", "image/png",
          "txt", "text/plain; charset=utf-8");

  private MediaTypes() {}

  static String of(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
  }
}
