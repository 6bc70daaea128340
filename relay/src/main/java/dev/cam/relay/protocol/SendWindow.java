package dev.cam.relay.protocol;

/**
 * Credit for sending DATA on one stream: starts at the initial window, shrinks as DATA is sent and
 * grows with each WINDOW from the peer. Thread-safe.
 */
public final class SendWindow {
  private long available;

  /** Starts with the link's initial window. */
  public SendWindow(int initialWindow) {
    this.available = initialWindow;
  }

  /** Takes up to {@code wanted} bytes of credit and returns how many were taken (maybe 0). */
  public synchronized int acquire(int wanted) {
    int taken = (int) Math.min(wanted, available);
    available -= taken;
    return taken;
  }

  /**
   * Adds credit from a WINDOW frame.
   *
   * @throws ProtocolException if the increment is not positive or the window would overflow
   */
  public synchronized void grant(int increment) {
    if (increment <= 0) {
      throw new ProtocolException("WINDOW increment must be positive: " + increment);
    }
    if (available + increment > Integer.MAX_VALUE) {
      throw new ProtocolException("WINDOW overflow");
    }
    available += increment;
  }

  /** Returns credit taken by {@link #acquire} but not used. */
  public synchronized void giveBack(int unused) {
    available += unused;
  }

  /** Returns the credit left. */
  public synchronized long available() {
    return available;
  }
}
