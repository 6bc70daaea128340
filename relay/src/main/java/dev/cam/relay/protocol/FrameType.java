package dev.cam.relay.protocol;

/** The kinds of frame on a relay link; the code is the frame's first byte. */
public enum FrameType {
  /** Relay to server, stream 0: protocol version, nonce to sign and link settings. */
  HELLO(0x01),
  /** Server to relay, stream 0: public key, claimed id and the signed nonce. */
  REGISTER(0x02),
  /** Relay to server, stream 0: registration accepted, with the server's public path. */
  REGISTERED(0x03),
  /** Either way, stream 0: the sender closes the link, with a code and a reason. */
  GOAWAY(0x04),
  /** Either way, stream 0: liveness probe; the peer answers with PONG and the same payload. */
  PING(0x05),
  /** Either way, stream 0: answer to a PING. */
  PONG(0x06),
  /** Relay to server: a client opened a stream (HTTP request or WebSocket upgrade). */
  OPEN(0x10),
  /** Server to relay: status and headers of the answer to an OPEN. */
  RESPONSE(0x11),
  /** Either way: body bytes or WebSocket message fragments. */
  DATA(0x12),
  /** Either way: the receiver grants the sender more bytes of DATA on a stream. */
  WINDOW(0x13),
  /** Either way: the stream is aborted, with a code and a reason. */
  RESET(0x14),
  /** Either way: WebSocket close with the close code and reason to pass on. */
  CLOSE(0x15);

  private final int code;

  FrameType(int code) {
    this.code = code;
  }

  /** Returns the byte that identifies this type on the wire. */
  public int code() {
    return code;
  }

  /** Returns the type with the given code; throws {@link ProtocolException} for unknown codes. */
  public static FrameType of(int code) {
    for (FrameType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new ProtocolException("unknown frame type 0x" + Integer.toHexString(code));
  }
}
