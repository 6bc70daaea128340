package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.wire.FrameWire;
import dev.cam.relay.wire.WebSocketFrames;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Servers' way in: {@code /_relay/link} upgrades to a {@link StreamLink} ({@code Upgrade:
 * cam-relay-link}) or, for links of the first release, to a {@link WebSocketFrames}; within per-IP
 * limits either way.
 */
final class LinkAcceptor {
  static final String PATH = "/_relay/link";

  private final RelayRuntime runtime;

  LinkAcceptor(RelayRuntime runtime) {
    this.runtime = runtime;
  }

  void handle(Request request, Response response, Callback callback) {
    boolean stream = isStreamUpgrade(request);
    if (!stream && !ClientGateway.isWebSocketUpgrade(request)) {
      Replies.text(
          response,
          callback,
          400,
          "this is the relay's server link endpoint; CAM servers connect here with an HTTP/1.1"
              + " GET and Upgrade: "
              + FrameWire.STREAM_UPGRADE);
      return;
    }
    String ip = Request.getRemoteAddr(request);
    if (!runtime.perIp.tryBeginHandshake(ip)) {
      Replies.text(response, callback, 429, "too many pending registrations from " + ip);
      return;
    }
    Runnable ended = new Once(() -> runtime.perIp.endHandshake(ip));
    LinkEndpoint endpoint = new LinkEndpoint(runtime, Request.getServerName(request), ended);
    Callback watched =
        Callback.from(
            callback::succeeded,
            failure -> {
              ended.run();
              callback.failed(failure);
            });
    int maxFrame = Frame.HEADER_SIZE + runtime.limits.maxPayload();
    Duration idleTimeout = runtime.limits.pingInterval().multipliedBy(4);
    if (stream) {
      StreamLink link =
          new StreamLink(
              request.getConnectionMetaData().getConnection().getEndPoint(),
              request.getComponents().getExecutor(),
              endpoint,
              maxFrame,
              idleTimeout);
      response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
      response.getHeaders().put(HttpHeader.UPGRADE, FrameWire.STREAM_UPGRADE);
      response.getHeaders().put(HttpHeader.CONNECTION, "Upgrade");
      request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, link);
      response.write(true, null, watched);
      return;
    }
    WebSocketFrames webSocket = new WebSocketFrames(endpoint, maxFrame, idleTimeout);
    boolean upgraded;
    try {
      upgraded = runtime.container().upgrade((rq, rs, cb) -> webSocket, request, response, watched);
    } catch (RuntimeException e) {
      ended.run();
      throw e;
    }
    if (!upgraded) {
      ended.run();
      Replies.text(response, callback, 400, "not a valid WebSocket upgrade");
    }
  }

  private static boolean isStreamUpgrade(Request request) {
    String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
    return upgrade != null
        && upgrade.equalsIgnoreCase(FrameWire.STREAM_UPGRADE)
        && HttpMethod.GET.is(request.getMethod())
        && request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1;
  }

  /** Runs its action the first time only. */
  private static final class Once implements Runnable {
    private final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable action;

    Once(Runnable action) {
      this.action = action;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        action.run();
      }
    }
  }
}
