package dev.cam.relay.server;

import dev.cam.relay.identity.ServerIds;
import dev.cam.relay.protocol.StreamKind;
import dev.cam.relay.protocol.StreamOpen;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Clients' way in: {@code /s/<server-id>/...} becomes a stream on that server's link. */
final class ClientGateway {
  static final String PREFIX = "/s/";

  private final RelayRuntime runtime;
  private final ClientUpgrades upgrades;

  ClientGateway(RelayRuntime runtime) {
    this.runtime = runtime;
    this.upgrades = new ClientUpgrades(runtime);
  }

  void handle(Request request, Response response, Callback callback) {
    HttpURI uri = request.getHttpURI();
    String path = uri.getPath();
    int slash = path.indexOf('/', PREFIX.length());
    String serverId =
        slash < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), slash);
    if (!ServerIds.isWellFormed(serverId)) {
      Replies.text(response, callback, 404, "not a CAM server id: " + serverId);
      return;
    }
    String prefix = PREFIX + serverId;
    if (slash < 0) {
      // App paths are relative, so they need the trailing slash to resolve under the prefix.
      String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
      response.getHeaders().put(HttpHeader.LOCATION, prefix + "/" + query);
      Replies.text(response, callback, 308, "moved to " + prefix + "/");
      return;
    }
    LinkSession link = runtime.registry.find(serverId);
    if (link == null) {
      Replies.text(
          response,
          callback,
          503,
          "CAM server "
              + serverId
              + " is not connected to this relay; start it with the relay link enabled and retry");
      return;
    }
    LinkSession.Admission admission = link.admit();
    if (admission instanceof LinkSession.Refusal refusal) {
      Replies.text(response, callback, refusal.status(), refusal.reason());
      return;
    }
    int streamId = ((LinkSession.Admitted) admission).id();
    boolean webSocket = isWebSocketUpgrade(request);
    String target = path.substring(slash) + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    StreamKind kind = webSocket ? StreamKind.WEBSOCKET : StreamKind.HTTP;
    StreamOpen open =
        new StreamOpen(
            kind, request.getMethod(), target, Forwarding.requestHeaders(request, prefix));
    new HttpExchange(link, streamId, runtime, request, response, callback, kind, upgrades)
        .start(open, !webSocket && hasBody(request));
  }

  static boolean isWebSocketUpgrade(Request request) {
    String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  private static boolean hasBody(Request request) {
    long length = request.getLength();
    return length > 0
        || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
  }
}
