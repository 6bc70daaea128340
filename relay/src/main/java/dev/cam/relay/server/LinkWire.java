package dev.cam.relay.server;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The connection a linked server's frames cross: a {@link StreamLink} (an HTTP/1.1 upgrade to the
 * link's own length-prefixed framing) or a {@link WebSocketLink} (one binary message per frame, as
 * links of the first release connect). Thread-safe.
 */
interface LinkWire {
  /**
   * Queues one frame, encoded by {@link dev.cam.relay.protocol.Frame#encodeWithLength}, behind
   * those sent before it.
   *
   * @param sent run once the frame was written
   * @param failed run instead when it can no longer be written
   */
  void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed);

  /** Closes once the queued frames are written; {@code code} is a WebSocket close code. */
  void close(int code, String reason);

  /** Drops the connection at once. */
  void disconnect();
}
