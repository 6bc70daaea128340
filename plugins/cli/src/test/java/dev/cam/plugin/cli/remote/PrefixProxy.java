package dev.cam.plugin.cli.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves a CAM server under a path prefix, as a relay does ({@code /s/<server-id>/…}): requests
 * under the prefix are passed on without it; anything else is a 404 that is no CAM problem.
 */
final class PrefixProxy implements AutoCloseable {
  private static final Set<String> PASSED = Set.of("authorization", "content-type", "accept");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String prefix;
  private final String target;

  PrefixProxy(String prefix, String target) throws IOException {
    this.prefix = prefix;
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL people would give: {@code http://127.0.0.1:PORT/s/ID/}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!path.startsWith(prefix)) {
        reply(exchange, 404, "text/plain", "no such server".getBytes());
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      URI to =
          URI.create(
              target + "/" + path.substring(prefix.length()) + (query == null ? "" : "?" + query));
      HttpRequest.Builder request = HttpRequest.newBuilder(to);
      for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
        if (PASSED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
          h.getValue().forEach(v -> request.header(h.getKey(), v));
        }
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("application/json");
      reply(exchange, response.statusCode(), type, response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
