package dev.cam.relay.protocol;

/** Bits of a frame's flags byte. */
public final class Flags {
  /** The sender sends no more DATA on this stream (OPEN, RESPONSE, DATA). */
  public static final int END_STREAM = 0x01;

  /** DATA of a WebSocket stream carries text (UTF-8); otherwise binary. */
  public static final int TEXT = 0x02;

  /** DATA of a WebSocket stream ends a message. */
  public static final int FIN = 0x04;

  private Flags() {}

  /** Returns whether {@code flags} has every bit of {@code bit}. */
  public static boolean has(int flags, int bit) {
    return (flags & bit) == bit;
  }
}
