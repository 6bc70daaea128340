package dev.cam.relay.link;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.WorkLoop;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;

/**
 * The origin's response body, read from the HTTP client's pooled buffers and sent up as DATA within
 * the relay's credit. The next chunk is read only when everything before went out, so a stalled
 * client stalls the origin instead of filling memory; the last chunk's DATA carries END_STREAM.
 */
final class OriginDownload {
  private final StreamContext link;
  private final int streamId;
  private final SendWindow window;
  private final Runnable onComplete;
  private final Consumer<Throwable> onError;
  private final WorkLoop loop = new WorkLoop(this::pump);
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Content.Source source;
  private volatile boolean cancelled;
  private volatile boolean demanding;
  private Content.Chunk chunk;

  OriginDownload(
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

  /** The response's body arrived; starts reading it. */
  void start(Content.Source body) {
    source = body;
    loop.run();
  }

  /** The exchange completed: a response that never had a body ends here. */
  void completed() {
    if (source == null) {
      end(null);
    }
  }

  /** More credit arrived. */
  void resume() {
    loop.run();
  }

  void cancel() {
    cancelled = true;
    loop.run();
  }

  private void pump() {
    while (!ended.get() || chunk != null) {
      if (cancelled || ended.get()) {
        release();
        return;
      }
      if (chunk == null && !readChunk()) {
        return;
      }
      if (!sendChunk()) {
        return; // resume() runs this again when WINDOW arrives
      }
    }
  }

  /** Reads the next chunk; false when none is there yet (demanded) or the body failed. */
  private boolean readChunk() {
    Content.Source body = source;
    if (body == null || demanding) {
      return false;
    }
    Content.Chunk next = body.read();
    if (next == null) {
      // WINDOW may come back before the content does: one demand at a time (Jetty refuses a
      // second one)
      demanding = true;
      body.demand(
          () -> {
            demanding = false;
            loop.run();
          });
      return false;
    }
    if (Content.Chunk.isFailure(next)) {
      if (ended.compareAndSet(false, true)) {
        onError.accept(next.getFailure());
      }
      return false;
    }
    chunk = next;
    return true;
  }

  /** Sends what credit allows of the current chunk; false when out of credit. */
  private boolean sendChunk() {
    ByteBuffer buffer = chunk.getByteBuffer();
    boolean last = chunk.isLast();
    while (buffer.hasRemaining()) {
      int n = window.acquire(Math.min(buffer.remaining(), link.maxPayload()));
      if (n == 0) {
        return false;
      }
      ByteBuffer part = buffer.slice(buffer.position(), n);
      buffer.position(buffer.position() + n);
      if (last && !buffer.hasRemaining()) {
        end(part); // the sender copies the bytes before this returns
      } else {
        link.send(new Frame(FrameType.DATA, 0, streamId, part));
      }
    }
    if (last) {
      end(null);
    }
    release();
    return true;
  }

  private void end(ByteBuffer data) {
    if (ended.compareAndSet(false, true)) {
      link.send(new Frame(FrameType.DATA, Flags.END_STREAM, streamId, data));
      onComplete.run();
    }
  }

  private void release() {
    if (chunk != null) {
      chunk.release();
      chunk = null;
    }
  }
}
