package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A server link over WebSocket, each frame one binary message: how links of the first release
 * connect. Current links use a {@link StreamLink}, which spares both ends the masking of every byte
 * RFC 6455 asks of a client.
 *
 * <p>Public only because Jetty calls its listener methods through public method handles; not an
 * API.
 */
public final class WebSocketLink implements Session.Listener.AutoDemanding, LinkWire {
  /** Read the link in frame-sized pieces, not Jetty's default 4 KiB. Links are few. */
  private static final int READ_BUFFER = 64 * 1024;

  private final LinkEndpoint endpoint;
  private final RelayLimits limits;
  private volatile Session session;

  WebSocketLink(LinkEndpoint endpoint, RelayLimits limits) {
    this.endpoint = endpoint;
    this.limits = limits;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    session = opened;
    opened.setMaxBinaryMessageSize(Frame.HEADER_SIZE + (long) limits.maxPayload());
    opened.setInputBufferSize(READ_BUFFER);
    opened.setMaxTextMessageSize(1024);
    opened.setIdleTimeout(limits.pingInterval().multipliedBy(4));
    endpoint.opened(this);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer message, Callback callback) {
    try {
      endpoint.received(message);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    endpoint.broken("text messages are not part of the protocol");
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    endpoint.closed("WebSocket close " + statusCode);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    endpoint.closed(String.valueOf(cause.getMessage()));
  }

  @Override
  public void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {
    ByteBuffer message =
        frame.slice(frame.position() + Frame.LENGTH_SIZE, frame.remaining() - Frame.LENGTH_SIZE);
    session.sendBinary(message, Callback.from(sent, failed));
  }

  @Override
  public void close(int code, String reason) {
    session.close(code, reason, Callback.NOOP);
  }

  @Override
  public void disconnect() {
    session.disconnect();
  }
}
