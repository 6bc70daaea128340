package dev.cam.relay.link;

import dev.cam.relay.protocol.Header;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Header rules on the server side: what the JDK client may set, what goes back to the relay. */
final class OriginHeaders {
  /** Headers the JDK HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private OriginHeaders() {}

  static boolean settable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !RESTRICTED.contains(lower) && !lower.startsWith("sec-websocket-");
  }

  static List<Header> fromResponse(HttpHeaders headers) {
    List<Header> out = new ArrayList<>();
    headers
        .map()
        .forEach(
            (name, values) -> {
              if (!name.startsWith(":")) {
                values.forEach(value -> out.add(new Header(name, value)));
              }
            });
    return out;
  }
}
