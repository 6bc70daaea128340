package dev.cam.relay.wire;

import java.nio.ByteBuffer;

/** Hears one {@link FrameWire}: its opening, each whole frame, and its end. */
public interface FrameListener {
  /** The wire is up and may send. */
  void opened(FrameWire wire);

  /** One whole frame (header and payload) arrived; the buffer may be reused once this returns. */
  void received(ByteBuffer frame);

  /** The peer broke the framing ({@code why} says how); the listener ends the link. */
  void broken(String why);

  /** The wire is gone: {@code why} says how, e.g. {@code "closed"} or {@code "failed: ..."}. */
  void ended(String why);
}
