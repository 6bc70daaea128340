package dev.cam.relay.wire;

import dev.cam.relay.protocol.Frame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A link over a Jetty WebSocket, each frame one binary message, on either end: how servers of the
 * first release link, and how a current server links to a relay (or through a proxy) that refuses
 * its stream link. Every byte a WebSocket client sends is masked and unmasked again, which a stream
 * link spares both ends.
 *
 * <p>Public only because Jetty calls its listener methods through public method handles; not an
 * API.
 */
public final class WebSocketFrames implements Session.Listener.AutoDemanding, FrameWire {
  /** Read the link in frame-sized pieces, not Jetty's default 4 KiB. Links are few. */
  private static final int READ_BUFFER = 64 * 1024;

  private final FrameListener listener;
  private final int maxFrame;
  private final Duration idleTimeout;
  private volatile Session session;

  /**
   * @param maxFrame the largest frame to accept until {@link #settle}
   * @param idleTimeout how long the link may be silent, or null for Jetty's default
   */
  public WebSocketFrames(FrameListener listener, int maxFrame, Duration idleTimeout) {
    this.listener = listener;
    this.maxFrame = maxFrame;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    session = opened;
    opened.setInputBufferSize(READ_BUFFER);
    opened.setMaxTextMessageSize(1024);
    settle(maxFrame, idleTimeout);
    listener.opened(this);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer message, Callback callback) {
    try {
      listener.received(message);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    listener.broken("text messages are not part of the protocol");
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    listener.ended("closed (WebSocket " + statusCode + " " + reason + ")");
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    listener.ended("failed: " + cause.getMessage());
  }

  @Override
  public void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {
    int from = frame.position() + Frame.LENGTH_SIZE;
    session.sendBinary(frame.slice(from, frame.limit() - from), Callback.from(sent, failed));
  }

  /** One link frame is one WebSocket frame: never fragmented, so never reassembled. */
  @Override
  public void settle(int settledMaxFrame, Duration settledIdleTimeout) {
    Session current = session;
    current.setMaxBinaryMessageSize(settledMaxFrame);
    current.setMaxFrameSize(settledMaxFrame);
    if (settledIdleTimeout != null) {
      current.setIdleTimeout(settledIdleTimeout);
    }
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
