package dev.cam.relay.protocol;

/**
 * Payload of REGISTERED: the relay accepted the server.
 *
 * @param serverId the server's id
 * @param pathPrefix where clients reach the server on the relay, e.g. {@code /s/<id>/}
 */
public record Registered(String serverId, String pathPrefix) {
  /** Encodes as a REGISTERED frame. */
  public Frame toFrame() {
    return new Frame(
        FrameType.REGISTERED,
        0,
        0,
        new WireWriter().string(serverId).string(pathPrefix).toBuffer());
  }

  /** Decodes a REGISTERED frame's payload. */
  public static Registered decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    return new Registered(in.string(), in.string());
  }
}
