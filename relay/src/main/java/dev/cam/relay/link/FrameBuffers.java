package dev.cam.relay.link;

import java.util.ArrayDeque;

/**
 * Arrays of a whole frame's size, kept for reuse once their frame was sent: a download moves
 * through a few of them instead of allocating (and zeroing) a new 64 KiB array per frame. Keeps at
 * most {@value #KEEP}, a busy download's whole window at the default sizes (16 frames of 64 KiB):
 * one running at full speed allocates none. Thread-safe.
 */
final class FrameBuffers {
  private static final int KEEP = 16;

  private final ArrayDeque<byte[]> spare = new ArrayDeque<>(KEEP);
  private int wholeSize;

  /** An array of {@code size} bytes (a whole frame), reused when one is spare; content is stale. */
  synchronized byte[] take(int size) {
    if (size != wholeSize) {
      spare.clear(); // the frame size changed with HELLO
      wholeSize = size;
    }
    byte[] reused = spare.pollFirst();
    return reused != null ? reused : new byte[size];
  }

  /** Takes back an array whose frame was sent; arrays of other sizes are left to the GC. */
  synchronized void give(byte[] array) {
    if (array.length == wholeSize && spare.size() < KEEP) {
      spare.addFirst(array);
    }
  }
}
