package dev.cam.relay.protocol;

/**
 * Payload of HELLO, the relay's first frame on a new link: the nonce the server must sign and the
 * link settings both sides follow.
 *
 * @param version protocol version, {@link #VERSION}
 * @param nonce fresh random bytes, different for every link
 * @param maxPayload largest DATA payload either side may send
 * @param initialWindow credit each side has per stream and direction before any WINDOW
 * @param pingIntervalMillis how often each side pings; silence for three intervals is a dead link
 */
public record Hello(
    int version, byte[] nonce, int maxPayload, int initialWindow, int pingIntervalMillis) {
  /** The protocol version this code speaks. */
  public static final int VERSION = 1;

  /** Validates and copies the nonce. */
  public Hello {
    if (nonce.length < 16) {
      throw new IllegalArgumentException("nonce must have at least 16 bytes");
    }
    if (maxPayload < 1024 || initialWindow < maxPayload || pingIntervalMillis < 10) {
      throw new IllegalArgumentException("link settings out of range");
    }
    nonce = nonce.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** Encodes as a HELLO frame. */
  public Frame toFrame() {
    WireWriter out =
        new WireWriter()
            .u8(version)
            .bytes(nonce)
            .i32(maxPayload)
            .i32(initialWindow)
            .i32(pingIntervalMillis);
    return new Frame(FrameType.HELLO, 0, 0, out.toBuffer());
  }

  /** Decodes a HELLO frame's payload. */
  public static Hello decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    try {
      return new Hello(in.u8(), in.bytes(), in.i32(), in.i32(), in.i32());
    } catch (IllegalArgumentException e) {
      throw new ProtocolException("HELLO: " + e.getMessage());
    }
  }
}
