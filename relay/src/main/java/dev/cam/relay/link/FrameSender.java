package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.WorkLoop;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends frames over the JDK WebSocket, which allows one send at a time. What waits here is bounded
 * by the streams' credit, so the queue cannot grow without bound.
 */
final class FrameSender {
  private final WebSocket socket;
  private final Consumer<Throwable> onFailure;
  private final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final WorkLoop loop = new WorkLoop(this::drain);
  private volatile boolean sending;
  private volatile boolean failed;

  FrameSender(WebSocket socket, Consumer<Throwable> onFailure) {
    this.socket = socket;
    this.onFailure = onFailure;
  }

  void send(Frame frame) {
    if (failed) {
      return;
    }
    ByteBuffer encoded = frame.encode();
    queuedBytes.addAndGet(encoded.remaining());
    queue.add(encoded);
    loop.run();
  }

  long queuedBytes() {
    return queuedBytes.get();
  }

  private void drain() {
    while (!sending && !failed) {
      ByteBuffer next = queue.poll();
      if (next == null) {
        return;
      }
      int size = next.remaining();
      sending = true;
      CompletableFuture<WebSocket> sent = socket.sendBinary(next, true);
      sent.whenComplete(
          (ws, error) -> {
            queuedBytes.addAndGet(-size);
            sending = false;
            if (error != null) {
              failed = true;
              queue.clear();
              onFailure.accept(error);
            } else {
              loop.run();
            }
          });
    }
  }
}
