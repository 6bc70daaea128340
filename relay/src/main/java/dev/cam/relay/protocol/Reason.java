package dev.cam.relay.protocol;

import java.util.Objects;

/**
 * Code and text of GOAWAY, RESET and CLOSE frames. For CLOSE the code is a WebSocket close code;
 * for RESET and GOAWAY it is one of the constants here.
 *
 * @param code a number a program can act on
 * @param text what a person reads
 */
public record Reason(int code, String text) {
  /** The peer broke the protocol. */
  public static final int PROTOCOL_ERROR = 1;

  /** The origin or the client could not be reached or failed. */
  public static final int UNREACHABLE = 2;

  /** The stream was cancelled by the other end (client went away). */
  public static final int CANCELLED = 3;

  /** A limit was exceeded (flow control, size, count). */
  public static final int LIMIT = 4;

  /** Registration refused (bad signature, wrong id, wrong admission secret). */
  public static final int REFUSED = 5;

  /** Another registration of the same server id replaced this link. */
  public static final int REPLACED = 6;

  /** The sender is shutting down. */
  public static final int SHUTDOWN = 7;

  /** The link missed its heartbeats. */
  public static final int DEAD = 8;

  /** Validates the code range and keeps the text short enough for a WebSocket close reason. */
  public Reason {
    if (code < 0 || code > 0xFFFF) {
      throw new IllegalArgumentException("reason code must fit 16 bits: " + code);
    }
    text = Objects.requireNonNullElse(text, "");
    if (text.length() > 120) {
      text = text.substring(0, 120);
    }
  }

  /** Encodes the reason as a frame payload. */
  public java.nio.ByteBuffer encode() {
    return new WireWriter().u16(code).string(text).toBuffer();
  }

  /** Decodes a reason from a frame payload. */
  public static Reason decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    return new Reason(in.u16(), in.string());
  }

  /** Returns a frame of the given type carrying this reason. */
  public Frame toFrame(FrameType type, int streamId) {
    return new Frame(type, 0, streamId, encode());
  }
}
