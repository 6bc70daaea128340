package dev.cam.relay.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The relay's limits against abuse and its flow-control settings.
 *
 * @param handshakeTimeout time a new link has to register before it is closed
 * @param maxPendingHandshakesPerIp links from one address that may be registering at once
 * @param maxConnectionsPerIp TCP connections one address may hold
 * @param maxPayload largest DATA payload on a link (the frame size limit)
 * @param maxStreamsPerServer concurrent client streams per server
 * @param newStreamsPerSecond sustained rate of new streams per server
 * @param newStreamBurst new streams per server allowed at once above the rate
 * @param bufferBudgetBytes bytes the relay may hold in buffers across all streams
 * @param initialWindow per-stream credit in each direction at first; busy streams grow theirs up to
 *     {@link #maxWindow()} while the buffer budget allows
 * @param pingInterval how often the relay pings each link; three silent intervals close it
 * @param idleTimeout how long a client connection may stay silent
 */
public record RelayLimits(
    Duration handshakeTimeout,
    int maxPendingHandshakesPerIp,
    int maxConnectionsPerIp,
    int maxPayload,
    int maxStreamsPerServer,
    int newStreamsPerSecond,
    int newStreamBurst,
    long bufferBudgetBytes,
    int initialWindow,
    Duration pingInterval,
    Duration idleTimeout) {

  /** Validates ranges. */
  public RelayLimits {
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    positive("max-pending-handshakes-per-ip", maxPendingHandshakesPerIp);
    positive("max-connections-per-ip", maxConnectionsPerIp);
    positive("max-streams-per-server", maxStreamsPerServer);
    positive("new-streams-per-second", newStreamsPerSecond);
    positive("new-stream-burst", newStreamBurst);
    if (maxPayload < 1024 || maxPayload > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("max-frame-size must be 1 KiB to 16 MiB: " + maxPayload);
    }
    if (initialWindow < maxPayload) {
      throw new IllegalArgumentException("stream-window must be at least max-frame-size");
    }
    if (bufferBudgetBytes < initialWindow) {
      throw new IllegalArgumentException("buffer-budget must be at least one stream-window");
    }
  }

  /** The largest a busy stream's window grows to, budget permitting: 16 initial windows. */
  public int maxWindow() {
    return (int) Math.min(16L * initialWindow, Integer.MAX_VALUE / 2);
  }

  /** Defaults for a relay on a small VPS serving a few hundred servers. */
  public static RelayLimits defaults() {
    return new RelayLimits(
        Duration.ofSeconds(10),
        8,
        256,
        64 * 1024,
        256,
        50,
        200,
        256L * 1024 * 1024,
        64 * 1024,
        Duration.ofSeconds(15),
        Duration.ofMinutes(10));
  }

  /** Returns a copy with another frame size limit. */
  public RelayLimits withMaxPayload(int bytes) {
    return new RelayLimits(
        handshakeTimeout,
        maxPendingHandshakesPerIp,
        maxConnectionsPerIp,
        bytes,
        maxStreamsPerServer,
        newStreamsPerSecond,
        newStreamBurst,
        bufferBudgetBytes,
        Math.max(initialWindow, bytes),
        pingInterval,
        idleTimeout);
  }

  /** Returns a copy with another stream limit per server. */
  public RelayLimits withMaxStreamsPerServer(int streams) {
    return new RelayLimits(
        handshakeTimeout,
        maxPendingHandshakesPerIp,
        maxConnectionsPerIp,
        maxPayload,
        streams,
        newStreamsPerSecond,
        newStreamBurst,
        bufferBudgetBytes,
        initialWindow,
        pingInterval,
        idleTimeout);
  }

  /** Returns a copy with other timing: handshake timeout and ping interval. */
  public RelayLimits withTiming(Duration handshake, Duration ping) {
    return new RelayLimits(
        handshake,
        maxPendingHandshakesPerIp,
        maxConnectionsPerIp,
        maxPayload,
        maxStreamsPerServer,
        newStreamsPerSecond,
        newStreamBurst,
        bufferBudgetBytes,
        initialWindow,
        ping,
        idleTimeout);
  }

  /** Returns a copy with another per-IP connection limit and pending-handshake limit. */
  public RelayLimits withPerIp(int connections, int pendingHandshakes) {
    return new RelayLimits(
        handshakeTimeout,
        pendingHandshakes,
        connections,
        maxPayload,
        maxStreamsPerServer,
        newStreamsPerSecond,
        newStreamBurst,
        bufferBudgetBytes,
        initialWindow,
        pingInterval,
        idleTimeout);
  }

  /** Returns a copy with another stream rate and burst. */
  public RelayLimits withStreamRate(int perSecond, int burst) {
    return new RelayLimits(
        handshakeTimeout,
        maxPendingHandshakesPerIp,
        maxConnectionsPerIp,
        maxPayload,
        maxStreamsPerServer,
        perSecond,
        burst,
        bufferBudgetBytes,
        initialWindow,
        pingInterval,
        idleTimeout);
  }

  /** Returns a copy with another buffer budget and stream window. */
  public RelayLimits withBuffers(long budget, int window) {
    return new RelayLimits(
        handshakeTimeout,
        maxPendingHandshakesPerIp,
        maxConnectionsPerIp,
        maxPayload,
        maxStreamsPerServer,
        newStreamsPerSecond,
        newStreamBurst,
        budget,
        window,
        pingInterval,
        idleTimeout);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
