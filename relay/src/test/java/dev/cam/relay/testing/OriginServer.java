package dev.cam.relay.testing;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Stands in for a CAM server: REST-like JSON behind a bearer token, an echo, a static file, a large
 * download that counts what it wrote, and a WebSocket that greets and echoes.
 */
public final class OriginServer implements AutoCloseable {
  public static final String TOKEN = "secret-token";

  private final String name;
  private final Path staticFile;
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);
  private final AtomicLong downloaded = new AtomicLong();

  public OriginServer(String name, Path staticFile) throws Exception {
    this.name = name;
    this.staticFile = staticFile;
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setMaxBinaryMessageSize(4 * 1024 * 1024);
              container.setMaxTextMessageSize(4 * 1024 * 1024);
              container.addMapping(
                  "/api/ws",
                  (rq, rs, cb) -> {
                    if (!authorized(rq)) {
                      Response.writeError(rq, rs, cb, 401, "token required");
                      return null;
                    }
                    if (rq.getSubProtocols().contains("cam.v1")) {
                      rs.setAcceptedSubProtocol("cam.v1");
                    }
                    return new Echo(name);
                  });
            });
    ws.setHandler(new Routes());
    server.setHandler(ws);
    server.start();
  }

  public String origin() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  /** Bytes the download endpoint has written so far. */
  public long downloaded() {
    return downloaded.get();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("origin did not stop", e);
    }
  }

  private static boolean authorized(Request request) {
    return ("Bearer " + TOKEN).equals(request.getHeaders().get(HttpHeader.AUTHORIZATION));
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = request.getHttpURI().getPath();
      switch (path) {
        case "/api/agents" -> agents(request, response, callback);
        case "/api/echo" -> echo(request, response, callback);
        case "/api/upload" -> upload(request, response, callback);
        case "/index.html" -> {
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html");
          response.write(true, ByteBuffer.wrap(Files.readAllBytes(staticFile)), callback);
        }
        case "/download" -> download(request, response, callback);
        default -> Response.writeError(request, response, callback, 404);
      }
      return true;
    }

    private void agents(Request request, Response response, Callback callback) {
      if (!authorized(request)) {
        Response.writeError(request, response, callback, 401, "token required");
        return;
      }
      String json =
          "{\"server\":\""
              + name
              + "\",\"prefix\":\""
              + request.getHeaders().get("X-Forwarded-Prefix")
              + "\",\"query\":\""
              + request.getHttpURI().getQuery()
              + "\"}";
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private void echo(Request request, Response response, Callback callback) {
      String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      if (type != null) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
      }
      Content.copy(request, response, callback);
    }

    /** Reads the whole body, then answers with its size and SHA-256. */
    private void upload(Request request, Response response, Callback callback) throws Exception {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (var in = Content.Source.asInputStream(request)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
          size += n;
        }
      }
      String json =
          "{\"bytes\":"
              + size
              + ",\"sha256\":\""
              + java.util.HexFormat.of().formatHex(digest.digest())
              + "\"}";
      response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private void download(Request request, Response response, Callback callback) throws Exception {
      Fields query = Request.extractQueryParameters(request);
      long total = Long.parseLong(query.getValue("bytes"));
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, total);
      byte[] chunk = new byte[64 * 1024];
      try (OutputStream out = Content.Sink.asOutputStream(response)) {
        long left = total;
        while (left > 0) {
          int n = (int) Math.min(chunk.length, left);
          out.write(chunk, 0, n);
          downloaded.addAndGet(n);
          left -= n;
        }
      } catch (Exception e) {
        callback.failed(e);
        return;
      }
      callback.succeeded();
    }
  }

  /** Greets with the server name, then echoes every message. */
  public static final class Echo implements Session.Listener.AutoDemanding {
    private final String name;
    private Session session;

    Echo(String name) {
      this.name = name;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
      session = opened;
      opened.sendText(
          "{\"type\":\"hello\",\"server\":\"" + name + "\"}",
          org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    @Override
    public void onWebSocketText(String message) {
      session.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback cb) {
      ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
      cb.succeed();
      session.sendBinary(copy, org.eclipse.jetty.websocket.api.Callback.NOOP);
    }

    /** Clients that drop their connection without a close are expected here, not news. */
    @Override
    public void onWebSocketError(Throwable cause) {}
  }
}
