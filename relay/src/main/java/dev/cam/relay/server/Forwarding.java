package dev.cam.relay.server;

import dev.cam.relay.protocol.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Which headers cross the relay: end-to-end ones pass, hop-by-hop ones stop here. */
final class Forwarding {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions",
          "sec-websocket-accept",
          "x-forwarded-prefix",
          "x-forwarded-host",
          "x-forwarded-proto");

  private Forwarding() {}

  /** The request headers the CAM server sees, with the relay's {@code X-Forwarded-*} added. */
  static List<Header> requestHeaders(Request request, String prefix) {
    HttpFields fields = request.getHeaders();
    Set<String> named = connectionTokens(fields);
    List<Header> out = new ArrayList<>(fields.size() + 4);
    String forwardedFor = null;
    for (HttpField field : fields) {
      String name = field.getName().toLowerCase(Locale.ROOT);
      if (HOP_BY_HOP.contains(name) || named.contains(name)) {
        continue;
      }
      if (name.equals("x-forwarded-for")) {
        forwardedFor =
            forwardedFor == null ? field.getValue() : forwardedFor + ", " + field.getValue();
        continue;
      }
      out.add(new Header(field.getName(), field.getValue()));
    }
    String client = Request.getRemoteAddr(request);
    out.add(
        new Header(
            "X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client));
    out.add(new Header("X-Forwarded-Proto", request.isSecure() ? "https" : "http"));
    String host = fields.get(HttpHeader.HOST);
    if (host != null) {
      out.add(new Header("X-Forwarded-Host", host));
    }
    out.add(new Header("X-Forwarded-Prefix", prefix));
    return out;
  }

  /** Copies end-to-end response headers from the CAM server onto the client's response. */
  static void copyResponseHeaders(List<Header> headers, HttpFields.Mutable target) {
    Set<String> named = new java.util.HashSet<>();
    for (Header header : headers) {
      if (header.name().equalsIgnoreCase("connection")) {
        addTokens(header.value(), named);
      }
    }
    for (Header header : headers) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !named.contains(name)) {
        target.add(header.name(), header.value());
      }
    }
  }

  private static Set<String> connectionTokens(HttpFields fields) {
    Set<String> named = new java.util.HashSet<>();
    for (String value : fields.getValuesList(HttpHeader.CONNECTION)) {
      addTokens(value, named);
    }
    return named;
  }

  private static void addTokens(String value, Set<String> into) {
    for (String token : value.split(",")) {
      into.add(token.trim().toLowerCase(Locale.ROOT));
    }
  }
}
