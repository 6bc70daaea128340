package dev.cam.relay.wire;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The connection one link's frames cross, on either end: a stream link (an HTTP/1.1 upgrade to the
 * link's own length-prefixed framing) or a {@link WebSocketFrames} (one binary message per frame,
 * as links of the first release connect). Thread-safe.
 */
public interface FrameWire {
  /** The {@code Upgrade} token of a stream link, the same on both ends. */
  String STREAM_UPGRADE = "cam-relay-link";

  /**
   * Queues one frame with its size in front, as {@link
   * dev.cam.relay.protocol.Frame#encodeWithLength} encodes it, behind those sent before it. The
   * buffer stays untouched until {@code sent} or {@code failed} runs.
   *
   * @param sent run once the frame was written
   * @param failed run instead when it can no longer be written
   */
  void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed);

  /**
   * Applies the link's settings: the largest frame (header and payload) to accept, the idle limit.
   */
  void settle(int maxFrame, Duration idleTimeout);

  /** Closes once the queued frames are written; {@code code} is a WebSocket close code. */
  void close(int code, String reason);

  /** Drops the connection at once. */
  void disconnect();
}
