package dev.cam.relay.protocol;

/**
 * The receiving side of one stream's flow control: rejects DATA beyond the credit given and tells
 * when consumed bytes should be granted back in a WINDOW frame. Credit is returned only after the
 * bytes left this process (written to the client or the origin), so each stream holds at most the
 * initial window in memory. Thread-safe.
 */
public final class ReceiveWindow {
  private final int threshold;
  private long credit;
  private int consumed;

  /** Starts with the link's initial window; grants back in batches of a quarter window. */
  public ReceiveWindow(int initialWindow) {
    this.credit = initialWindow;
    this.threshold = Math.max(1, initialWindow / 4);
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
   * Records {@code length} bytes handed on, and returns the increment to send in a WINDOW frame
   * now, or 0 to wait for more.
   */
  public synchronized int consumed(int length) {
    consumed += length;
    if (consumed < threshold) {
      return 0;
    }
    int increment = consumed;
    consumed = 0;
    credit += increment;
    return increment;
  }
}
