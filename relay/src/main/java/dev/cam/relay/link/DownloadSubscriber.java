package dev.cam.relay.link;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.WorkLoop;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * The origin's response body, sent up as DATA within the relay's credit. The next buffers are
 * requested from the origin only when everything before went out, so a stalled client stalls the
 * origin instead of filling memory.
 */
final class DownloadSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
  private final StreamContext link;
  private final int streamId;
  private final SendWindow window;
  private final Runnable onComplete;
  private final Consumer<Throwable> onError;
  private final Queue<ByteBuffer> pending = new ConcurrentLinkedQueue<>();
  private final WorkLoop loop = new WorkLoop(this::pump);
  private volatile Flow.Subscription subscription;
  private volatile boolean requested;
  private volatile boolean complete;
  private volatile boolean done;

  DownloadSubscriber(
      StreamContext link,
      int streamId,
      SendWindow window,
      Runnable onComplete,
      Consumer<Throwable> onError) {
    this.link = link;
    this.streamId = streamId;
    this.window = window;
    this.onComplete = onComplete;
    this.onError = onError;
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    loop.run();
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    pending.addAll(buffers);
    requested = false;
    loop.run();
  }

  @Override
  public void onError(Throwable failure) {
    done = true;
    onError.accept(failure);
  }

  @Override
  public void onComplete() {
    complete = true;
    loop.run();
  }

  /** More credit arrived. */
  void resume() {
    loop.run();
  }

  void cancel() {
    done = true;
    pending.clear();
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  private void pump() {
    while (!done) {
      ByteBuffer next = pending.peek();
      if (next == null) {
        if (complete) {
          done = true;
          link.send(Frame.of(FrameType.DATA, Flags.END_STREAM, streamId));
          onComplete.run();
        } else if (!requested && subscription != null) {
          requested = true;
          subscription.request(1);
        }
        return;
      }
      if (!next.hasRemaining()) {
        pending.poll();
        continue;
      }
      int n = window.acquire(Math.min(next.remaining(), link.maxPayload()));
      if (n == 0) {
        return; // resume() runs this again when WINDOW arrives
      }
      ByteBuffer part = next.slice(next.position(), n);
      next.position(next.position() + n);
      link.send(new Frame(FrameType.DATA, 0, streamId, part));
    }
  }
}
