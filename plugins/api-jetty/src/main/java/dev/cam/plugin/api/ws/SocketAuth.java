package dev.cam.plugin.api.ws;

import dev.cam.plugin.api.auth.FailedAttempts;
import dev.cam.plugin.api.auth.TokenCheck;

/**
 * How a socket proves itself: already by its upgrade request, or by its first message, counted
 * against the same limit of wrong tokens per address as HTTP requests.
 *
 * @param authenticated whether the upgrade request carried the right token
 * @param tokens the server's token
 * @param failures wrong tokens per client
 * @param address the client's key ({@link dev.cam.plugin.api.auth.ClientKey})
 */
record SocketAuth(
    boolean authenticated, TokenCheck tokens, FailedAttempts failures, String address) {
  /** Null when the token is right, else why the socket is refused. */
  String check(String token) {
    long wait = failures.blockedFor(address);
    if (wait > 0) {
      return "too many wrong tokens: wait " + wait + " s";
    }
    if (!tokens.matches(token)) {
      failures.failed(address);
      return "wrong token: use the one in server.token in CAM's config directory";
    }
    return null;
  }
}
