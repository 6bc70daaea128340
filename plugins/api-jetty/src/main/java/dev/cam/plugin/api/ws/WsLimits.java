package dev.cam.plugin.api.ws;

import java.time.Duration;

/**
 * Bounds of the WebSocket.
 *
 * @param maxQueuedFrames frames a client may have waiting (unsent or buffered during replay) before
 *     it is closed as too slow
 * @param authTimeout how long a socket without a token may take to send its auth message
 * @param replayWait how long a replay waits for room in a slow client's queue
 * @param closeGrace how long a close may take before the connection is dropped
 */
public record WsLimits(
    int maxQueuedFrames, Duration authTimeout, Duration replayWait, Duration closeGrace) {
  public static final WsLimits DEFAULTS =
      new WsLimits(1024, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(5));

  public WsLimits {
    if (maxQueuedFrames < 1) {
      throw new IllegalArgumentException("maxQueuedFrames must be 1 or more");
    }
  }
}
