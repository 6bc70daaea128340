package dev.cam.plugin.cli.remote;

import dev.cam.api.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** The server URL people give, as the base every API path is resolved against. */
final class ServerUrl {
  private ServerUrl() {}

  /** {@code http(s)://host[:port][/prefix]} with a trailing slash, query and fragment dropped. */
  static URI base(String text) {
    URI uri;
    try {
      uri = new URI(text == null ? "" : text.strip());
    } catch (URISyntaxException e) {
      throw bad(text);
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw bad(text);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    path = path.endsWith("/") ? path : path + "/";
    return URI.create(
        scheme.toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority() + path);
  }

  /** The WebSocket URL of the same base: {@code ws(s)://…/prefix/}. */
  static URI webSocket(URI base) {
    String text = base.toString();
    return URI.create(
        text.startsWith("https:") ? "wss:" + text.substring(6) : "ws:" + text.substring(5));
  }

  private static InvalidInputException bad(String text) {
    return new InvalidInputException(
        "server URL '"
            + text
            + "' is not valid: give http://HOST:PORT or https://RELAY/s/SERVER-ID/ (--server,"
            + " CAM_SERVER or server.url)");
  }
}
