package dev.cam.plugin.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits request paths into segments and refuses the ones that try to escape or disguise them. */
final class Paths {
  private static final List<String> ENCODED_TRICKS = List.of("%2f", "%5c", "%2e", "%00", "%25");

  private Paths() {}

  /** Segments of a decoded path; empty segments (a trailing slash) are dropped. */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  /**
   * Why the raw (still encoded) path is refused, or {@code null} when it is fine: encoded slashes,
   * backslashes, dots or NULs, doubled slashes, and {@code .} or {@code ..} segments.
   */
  static String trick(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String encoded : ENCODED_TRICKS) {
      if (lower.contains(encoded)) {
        return "the path contains the encoded character " + encoded;
      }
    }
    if (rawPath.contains("\\") || rawPath.contains("//")) {
      return "the path contains a backslash or an empty segment";
    }
    for (String part : rawPath.split("/")) {
      if (part.equals(".") || part.equals("..")) {
        return "the path contains a '" + part + "' segment";
      }
    }
    return null;
  }
}
