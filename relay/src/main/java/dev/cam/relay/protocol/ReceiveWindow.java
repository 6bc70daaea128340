package dev.cam.relay.protocol;

import java.util.function.IntPredicate;

/**
 * The receiving side of one stream's flow control: rejects DATA beyond the credit given and tells
 * when consumed bytes should be granted back in a WINDOW frame. Credit is returned only after the
 * bytes left this process (written to the client or the origin), so a stream never holds more than
 * its window in memory.
 *
 * <p>The window starts small and doubles, up to a maximum, each time a whole window was consumed
 * and {@code allowance} approves the extra bytes; a busy download gets a large window, an idle
 * WebSocket keeps a small one. Thread-safe.
 */
public final class ReceiveWindow {
  private final int initial;
  private final int max;
  private final IntPredicate allowance;
  private int window;
  private long credit;
  private int consumed;
  private long sinceGrowth;

  /** A fixed window: never grows. */
  public ReceiveWindow(int initialWindow) {
    this(initialWindow, initialWindow, bytes -> false);
  }

  /**
   * A window that may grow from {@code initialWindow} to {@code maxWindow}.
   *
   * @param allowance asked before each growth with the extra bytes; false keeps the window
   */
  public ReceiveWindow(int initialWindow, int maxWindow, IntPredicate allowance) {
    this.initial = initialWindow;
    this.max = Math.max(initialWindow, maxWindow);
    this.allowance = allowance;
    this.window = initialWindow;
    this.credit = initialWindow;
  }

  /**
   * Records {@code length} bytes of DATA received.
   *
   * @throws ProtocolException if the peer sent more than its credit
   */
  public synchronized void received(int length) {
    if (length > credit) {
      throw new ProtocolException(
          "peer sent " + length + " bytes of DATA with only " + credit + " bytes of credit");
    }
    credit -= length;
  }

  /**
   * Records {@code length} bytes handed on, and returns the increment to send in a WINDOW frame now
   * (a quarter window at least, plus any growth), or 0 to wait for more.
   */
  public synchronized int consumed(int length) {
    consumed += length;
    sinceGrowth += length;
    if (consumed < Math.max(1, window / 4)) {
      return 0;
    }
    int increment = consumed;
    consumed = 0;
    if (window < max && sinceGrowth >= window) {
      int growth = Math.min(window, max - window);
      if (allowance.test(growth)) {
        window += growth;
        increment += growth;
        sinceGrowth = 0;
      }
    }
    credit += increment;
    return increment;
  }

  /** Returns how many bytes the window grew beyond its initial size. */
  public synchronized int grown() {
    return window - initial;
  }
}
