package dev.cam.relay.link;

import java.net.URI;
import java.util.Objects;

/**
 * Where a {@link ServerLink} forwards its streams. Asked for every stream, so it must answer
 * quickly (keep the address, don't look it up each time); told when the address it gave could not
 * be reached, so a local server that restarted on another port is found again. Thread-safe.
 */
public interface OriginSource {
  /** The origin to use for the next stream, e.g. {@code http://127.0.0.1:8420}. */
  URI current();

  /**
   * The origin {@code tried} refused connections. Returns the address to use from now on; when it
   * differs from {@code tried} the link retries the request there once. The default keeps the
   * address.
   */
  default URI unreachable(URI tried) {
    return current();
  }

  /** Always the same origin. */
  static OriginSource fixed(URI origin) {
    Objects.requireNonNull(origin, "origin");
    return () -> origin;
  }
}
