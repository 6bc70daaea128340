package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.wire.FrameWire;
import dev.cam.relay.wire.WebSocketFrames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One registered server link: its wire, its streams, its heartbeat. Thread-safe. */
final class LinkSession {
  private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);

  private final String serverId;
  private final FrameWire wire;
  private final RelayRuntime runtime;
  private final Map<Integer, RelayStream> streams = new ConcurrentHashMap<>();
  private final AtomicInteger nextStreamId = new AtomicInteger(1);
  private final TokenBucket newStreams;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile long lastHeardNanos = System.nanoTime();

  LinkSession(String serverId, FrameWire wire, RelayRuntime runtime) {
    this.serverId = serverId;
    this.wire = wire;
    this.runtime = runtime;
    RelayLimits limits = runtime.limits;
    this.newStreams =
        new TokenBucket(limits.newStreamsPerSecond(), limits.newStreamBurst(), System.nanoTime());
  }

  String serverId() {
    return serverId;
  }

  /** Whether the server linked over a WebSocket, as servers of the first release do. */
  boolean overWebSocket() {
    return wire instanceof WebSocketFrames;
  }

  int streamCount() {
    return streams.size();
  }

  /** The answer to a new stream: admitted with an id, or refused. */
  sealed interface Admission permits Admitted, Refusal {}

  /** The stream may open with this id. */
  record Admitted(int id) implements Admission {}

  /** Refusal of a new stream, with the HTTP status and reason the client gets. */
  record Refusal(int status, String reason) implements Admission {}

  /**
   * Admits a new stream. On success the stream's buffer reservation is taken; {@link #endStream}
   * gives it back.
   */
  Admission admit() {
    if (closed.get()) {
      return new Refusal(503, "CAM server " + serverId + " is not connected to this relay");
    }
    if (streams.size() >= runtime.limits.maxStreamsPerServer()) {
      return new Refusal(
          503,
          "too many concurrent requests for this CAM server (limit "
              + runtime.limits.maxStreamsPerServer()
              + "); retry shortly");
    }
    if (!newStreams.tryTake(System.nanoTime())) {
      return new Refusal(429, "too many new requests for this CAM server; retry shortly");
    }
    if (!runtime.budget.tryReserve(runtime.streamReservation())) {
      return new Refusal(503, "relay is at its memory budget; retry shortly");
    }
    int id = nextStreamId.getAndIncrement();
    if (id <= 0) {
      runtime.budget.release(runtime.streamReservation());
      goAway(new Reason(Reason.LIMIT, "stream ids exhausted; reconnect"));
      return new Refusal(503, "CAM server link is restarting; retry shortly");
    }
    return new Admitted(id);
  }

  void attach(int id, RelayStream stream) {
    streams.put(id, stream);
  }

  /** Ends a stream: forgets it and gives back its reservation and window growth, once. */
  void endStream(int id, RelayStream stream, long grown) {
    if (streams.remove(id, stream)) {
      runtime.budget.release(runtime.streamReservation() + grown);
    }
  }

  /** Puts the WebSocket exchange in place of the HTTP exchange that upgraded. */
  void replaceStream(int id, RelayStream old, RelayStream replacement) {
    streams.replace(id, old, replacement);
  }

  void send(Frame frame) {
    send(frame, () -> {}, failure -> {});
  }

  void send(Frame frame, Runnable onSent, Consumer<Throwable> onFailed) {
    if (closed.get()) {
      onFailed.accept(new IllegalStateException("link closed"));
      return;
    }
    wire.send(frame.encodeWithLength(), onSent, onFailed);
  }

  void onFrame(Frame frame) {
    lastHeardNanos = System.nanoTime();
    switch (frame.type()) {
      case PING -> send(new Frame(FrameType.PONG, 0, 0, frame.payload()));
      case PONG -> {}
      case GOAWAY -> wire.close(1000, "goaway");
      case RESPONSE, DATA, WINDOW, RESET, CLOSE -> route(frame);
      default -> throw new ProtocolException(frame.type() + " is not allowed after registration");
    }
  }

  private void route(Frame frame) {
    RelayStream stream = streams.get(frame.streamId());
    if (stream == null) {
      return; // the stream ended here first; late frames are expected
    }
    try {
      stream.onFrame(frame);
    } catch (ProtocolException e) {
      send(
          new Reason(Reason.PROTOCOL_ERROR, e.getMessage())
              .toFrame(FrameType.RESET, frame.streamId()));
      stream.onLinkLost("CAM server broke the relay protocol: " + e.getMessage());
    }
  }

  /** Pings, or drops the link when it has been silent for three intervals. */
  void heartbeat() {
    long silentNanos = System.nanoTime() - lastHeardNanos;
    if (silentNanos > 3 * runtime.limits.pingInterval().toNanos()) {
      LOG.info("server {} missed its heartbeats; dropping its link", serverId);
      wire.disconnect();
      closed("CAM server " + serverId + " stopped answering");
      return;
    }
    send(new Frame(FrameType.PING, 0, 0, java.nio.ByteBuffer.allocate(8).putLong(0, silentNanos)));
  }

  void goAway(Reason reason) {
    send(reason.toFrame(FrameType.GOAWAY, 0));
    wire.close(1000, reason.text());
  }

  /** Another registration of the same id took over. */
  void replaced() {
    goAway(new Reason(Reason.REPLACED, "replaced by a newer registration of this server"));
    closed("CAM server " + serverId + " reconnected; retry");
  }

  /** The wire closed: fail every stream with {@code reason}. */
  void closed(String reason) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    runtime.registry.remove(this);
    for (Map.Entry<Integer, RelayStream> entry : streams.entrySet()) {
      entry.getValue().onLinkLost(reason);
      endStream(entry.getKey(), entry.getValue(), 0);
    }
  }
}
