package dev.cam.relay.protocol;

import java.nio.ByteBuffer;

/** Splits UTF-8 text into frames without cutting a character in two. */
public final class Utf8 {
  private Utf8() {}

  /**
   * Returns how many of the remaining bytes of {@code text} can go into a frame of at most {@code
   * max} bytes so that the frame ends on a character boundary; 0 when not even one character fits.
   */
  public static int boundary(ByteBuffer text, int max) {
    int remaining = text.remaining();
    if (remaining <= max) {
      return remaining;
    }
    int end = max;
    // A continuation byte (10xxxxxx) at the cut means a character straddles it: back off.
    while (end > 0 && (text.get(text.position() + end) & 0xC0) == 0x80) {
      end--;
    }
    return end;
  }
}
