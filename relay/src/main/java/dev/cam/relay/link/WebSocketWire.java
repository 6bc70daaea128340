package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A link over WebSocket, each frame one binary message: used only with a relay of the first
 * release, which answers the {@link StreamWire}'s upgrade with an error.
 *
 * <p>Public only because Jetty calls its listener methods through public method handles; not an
 * API.
 */
public final class WebSocketWire implements Session.Listener.AutoDemanding, RelayWire {
  /** Uploads cross the link in frames of up to 64 KiB: read them whole, not 4 KiB at a time. */
  private static final int READ_BUFFER = 64 * 1024;

  private final LinkConnection connection;
  private final int handshakeFrame;
  private volatile Session session;

  WebSocketWire(LinkConnection connection, int handshakeFrame) {
    this.connection = connection;
    this.handshakeFrame = handshakeFrame;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    session = opened;
    opened.setMaxBinaryMessageSize(handshakeFrame);
    // One link frame is one WebSocket frame: never fragmented, so never reassembled.
    opened.setMaxFrameSize(handshakeFrame);
    opened.setInputBufferSize(READ_BUFFER);
    connection.opened(this);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer message, Callback callback) {
    try {
      connection.received(message);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    connection.fail("relay sent text; is this URL a CAM relay?");
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    connection.ended("relay closed the link (" + statusCode + " " + reason + ")");
  }

  @Override
  public void onWebSocketError(Throwable error) {
    connection.ended("link failed: " + error.getMessage());
  }

  @Override
  public void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {
    ByteBuffer message =
        frame.slice(frame.position() + Frame.LENGTH_SIZE, frame.remaining() - Frame.LENGTH_SIZE);
    session.sendBinary(message, Callback.from(sent, failed));
  }

  @Override
  public void settle(int maxFrame, Duration idleTimeout) {
    Session current = session;
    current.setMaxBinaryMessageSize(maxFrame);
    current.setMaxFrameSize(maxFrame);
    current.setIdleTimeout(idleTimeout);
  }

  @Override
  public void close() {
    session.close(1000, "shutdown", Callback.NOOP);
  }

  @Override
  public void disconnect() {
    session.disconnect();
  }
}
