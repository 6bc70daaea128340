package dev.cam.plugin.api.auth;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Reads {@code Authorization: Bearer <token>}. */
final class Bearer {
  private Bearer() {}

  /** The token, or {@code null} when the header is missing or not a bearer token. */
  static String token(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
