package dev.cam.plugin.api.http;

import org.eclipse.jetty.http.HttpFields;

/** Headers every response carries: no sniffing, no framing, no caching, no referrer. */
public final class SecurityHeaders {
  private SecurityHeaders() {}

  public static void apply(HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cache-Control", "no-store");
    headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
  }
}
