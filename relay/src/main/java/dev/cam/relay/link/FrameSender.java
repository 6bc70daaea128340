package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.WorkLoop;
import dev.cam.relay.wire.FrameWire;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Sends frames over the link's wire one at a time. While a send is under way, DATA for the same
 * stream that queues up behind it is joined into one frame of up to the link's frame size: a
 * download read from the origin in 16 KiB pieces crosses the link in few large messages instead of
 * many small ones, and a response's last DATA carries its END_STREAM. What waits here is bounded by
 * the streams' credit, so the queue cannot grow without bound.
 */
final class FrameSender {
  private final FrameWire wire;
  private final IntSupplier maxPayload;
  private final Consumer<Throwable> onFailure;
  private final ArrayDeque<OutgoingFrame> queue = new ArrayDeque<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final FrameBuffers spares = new FrameBuffers();
  private final WorkLoop loop = new WorkLoop(this::drain);
  private volatile boolean sending;
  private volatile boolean failed;

  /**
   * @param maxPayload the link's frame size, read when a frame is queued (known after HELLO)
   */
  FrameSender(FrameWire wire, IntSupplier maxPayload, Consumer<Throwable> onFailure) {
    this.wire = wire;
    this.maxPayload = maxPayload;
    this.onFailure = onFailure;
  }

  /** Queues {@code frame}, copying its payload, so the caller may reuse the buffer at once. */
  void send(Frame frame) {
    if (failed) {
      return;
    }
    int before;
    synchronized (queue) {
      OutgoingFrame tail = queue.peekLast();
      before = tail == null ? 0 : tail.size();
      if (tail == null || !tail.append(frame, maxPayload.getAsInt())) {
        queue.addLast(OutgoingFrame.of(frame, maxPayload.getAsInt(), spares));
        before = 0;
      }
      queuedBytes.addAndGet(queue.peekLast().size() - (long) before);
    }
    loop.run();
  }

  long queuedBytes() {
    return queuedBytes.get();
  }

  private void drain() {
    while (!sending && !failed) {
      OutgoingFrame head;
      ByteBuffer next;
      synchronized (queue) {
        head = queue.pollFirst();
        if (head == null) {
          return;
        }
        next = head.seal();
      }
      int size = next.remaining();
      sending = true;
      wire.send(next, () -> sent(size, head, null), error -> sent(size, head, error));
    }
  }

  private void sent(int size, OutgoingFrame frame, Throwable error) {
    queuedBytes.addAndGet(-size);
    spares.give(frame.array());
    sending = false;
    if (error != null) {
      failed = true;
      synchronized (queue) {
        queue.clear();
      }
      onFailure.accept(error);
    } else {
      loop.run();
    }
  }
}
