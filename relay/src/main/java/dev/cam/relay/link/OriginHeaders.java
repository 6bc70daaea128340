package dev.cam.relay.link;

import dev.cam.relay.protocol.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/** Header rules on the server side: what the HTTP clients may set, what goes back to the relay. */
final class OriginHeaders {
  /** Headers the JDK HTTP client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private OriginHeaders() {}

  static boolean settable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !RESTRICTED.contains(lower) && !lower.startsWith("sec-websocket-");
  }

  static List<Header> fromResponse(HttpFields headers) {
    List<Header> out = new ArrayList<>(headers.size());
    for (HttpField field : headers) {
      out.add(new Header(field.getName(), field.getValue()));
    }
    return out;
  }
}
