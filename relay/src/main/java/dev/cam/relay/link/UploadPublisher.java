package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.WireWriter;
import dev.cam.relay.protocol.WorkLoop;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body arriving as DATA from the relay, published to the JDK HTTP client as it asks for
 * it. Credit goes back to the relay only for buffers the client took.
 */
final class UploadPublisher implements Flow.Publisher<ByteBuffer> {
  private final StreamContext link;
  private final int streamId;
  private final ReceiveWindow window;
  private final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong demand = new AtomicLong();
  private final WorkLoop loop = new WorkLoop(this::drain);
  private volatile Flow.Subscriber<? super ByteBuffer> subscriber;
  private volatile boolean ended;
  private volatile boolean cancelled;
  private volatile boolean completed;

  UploadPublisher(StreamContext link, int streamId, ReceiveWindow window) {
    this.link = link;
    this.streamId = streamId;
    this.window = window;
  }

  void onData(ByteBuffer data, boolean end) {
    window.received(data.remaining());
    if (data.hasRemaining()) {
      queue.add(data);
    }
    ended |= end;
    loop.run();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> newSubscriber) {
    subscriber = newSubscriber;
    newSubscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            loop.run();
          }

          @Override
          public void cancel() {
            cancelled = true;
            queue.clear();
          }
        });
  }

  private void drain() {
    Flow.Subscriber<? super ByteBuffer> current = subscriber;
    while (current != null && !cancelled && !completed) {
      if (queue.isEmpty()) {
        if (ended) {
          completed = true;
          current.onComplete();
        }
        return;
      }
      if (demand.get() == 0) {
        return;
      }
      ByteBuffer next = queue.poll();
      demand.decrementAndGet();
      int n = next.remaining();
      current.onNext(next);
      int increment = window.consumed(n);
      if (increment > 0) {
        link.send(
            new Frame(FrameType.WINDOW, 0, streamId, new WireWriter().i32(increment).toBuffer()));
      }
    }
  }
}
