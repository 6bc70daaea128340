package dev.cam.relay.protocol;

/** What a stream carries: a plain HTTP exchange or the messages of a WebSocket. */
public enum StreamKind {
  /** An HTTP request and its response, bodies as DATA. */
  HTTP,
  /** A WebSocket: the OPEN is the upgrade request; DATA carries message fragments. */
  WEBSOCKET;

  static StreamKind of(int ordinal) {
    if (ordinal < 0 || ordinal >= values().length) {
      throw new ProtocolException("unknown stream kind " + ordinal);
    }
    return values()[ordinal];
  }
}
