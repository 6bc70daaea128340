package dev.cam.relay.link;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The connection a {@link LinkConnection}'s frames cross: a {@link StreamWire} (an HTTP/1.1 upgrade
 * to the link's own length-prefixed framing) or, with a relay of the first release, a {@link
 * WebSocketWire}. Thread-safe.
 */
interface RelayWire {
  /**
   * Queues one frame with its size in front ({@link dev.cam.relay.protocol.Frame#LENGTH_SIZE}
   * bytes), behind those sent before it; the buffer stays untouched until {@code sent} or {@code
   * failed} runs.
   */
  void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed);

  /** Applies the link's settings from HELLO: the largest frame the relay sends, the idle limit. */
  void settle(int maxFrame, Duration idleTimeout);

  /** Closes once the queued frames are written. */
  void close();

  /** Drops the connection at once. */
  void disconnect();
}
