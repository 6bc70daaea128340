package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.wire.FrameListener;
import dev.cam.relay.wire.FrameWire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * A server link on the connection its HTTP/1.1 upgrade ({@code Upgrade: cam-relay-link}) took over:
 * frames cross it as they are, each after its size ({@link Frame#LENGTH_SIZE} bytes). Unlike a
 * {@link dev.cam.relay.wire.WebSocketFrames} no byte is masked or unmasked, and a frame is parsed
 * where it lies in the read buffer. Reads and writes go through Jetty's non-blocking {@link
 * EndPoint}, so a slow server holds no relay thread.
 */
final class StreamLink extends AbstractConnection implements FrameWire {
  private final FrameListener endpoint;
  private volatile int maxFrame;
  private final Flusher flusher = new Flusher();

  /**
   * Room for two whole frames, kept for the link's life (links are few): a read takes what the
   * socket has, whole frames are handed on from where they lie, a partial one waits at the front.
   */
  private final ByteBuffer input;

  /**
   * @param maxFrame the largest frame (header and payload) to accept
   * @param idleTimeout how long the link may be silent
   */
  StreamLink(
      EndPoint wire,
      Executor executor,
      FrameListener endpoint,
      int maxFrame,
      Duration idleTimeout) {
    super(wire, executor);
    this.endpoint = endpoint;
    this.maxFrame = maxFrame;
    this.input = BufferUtil.allocateDirect(2 * (Frame.LENGTH_SIZE + maxFrame));
    wire.setIdleTimeout(idleTimeout.toMillis());
  }

  @Override
  public void onOpen() {
    super.onOpen();
    endpoint.opened(this);
    fillInterested();
  }

  @Override
  public void onFillable() {
    try {
      while (true) {
        int read = getEndPoint().fill(input);
        if (read < 0) {
          getEndPoint().close();
          return;
        }
        if (!deliver(input)) {
          return; // broken: the endpoint is closing the link
        }
        if (read == 0) {
          fillInterested();
          return;
        }
      }
    } catch (IOException e) {
      getEndPoint().close(e);
    }
  }

  /** Hands every whole frame in {@code buffer} to the endpoint, keeping a partial one's bytes. */
  private boolean deliver(ByteBuffer buffer) {
    while (buffer.remaining() >= Frame.LENGTH_SIZE) {
      int at = buffer.position();
      long size = Integer.toUnsignedLong(buffer.getInt(at));
      try {
        Frame.checkSize(size, maxFrame);
      } catch (ProtocolException e) {
        endpoint.broken(e.getMessage());
        return false;
      }
      if (buffer.remaining() < Frame.LENGTH_SIZE + size) {
        break;
      }
      int end = at + Frame.LENGTH_SIZE + (int) size;
      endpoint.received(buffer.slice(at + Frame.LENGTH_SIZE, (int) size));
      buffer.position(end);
    }
    BufferUtil.compact(buffer);
    return true;
  }

  @Override
  public void onClose(Throwable cause) {
    super.onClose(cause);
    flusher.abort(cause != null ? cause : new IOException("link closed"));
    endpoint.ended(cause == null ? "closed" : "failed: " + cause.getMessage());
  }

  @Override
  public void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {
    flusher.queue(new Pending(frame, sent, failed));
  }

  /** Changes the limits the link opened with; a frame must still fit the read buffer. */
  @Override
  public void settle(int settledMaxFrame, Duration idleTimeout) {
    if (Frame.LENGTH_SIZE + settledMaxFrame > input.capacity()) {
      throw new IllegalArgumentException(
          "frame size " + settledMaxFrame + " exceeds the stream link's read buffer");
    }
    maxFrame = settledMaxFrame;
    getEndPoint().setIdleTimeout(idleTimeout.toMillis());
  }

  @Override
  public void close(int code, String reason) {
    flusher.closeWhenFlushed();
  }

  @Override
  public void disconnect() {
    getEndPoint().close();
  }

  private record Pending(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {}

  /** Writes queued frames, as many as are waiting in each gathering write. */
  private final class Flusher extends IteratingCallback {
    private static final int BATCH = 16;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<Pending> writing = new ArrayList<>(BATCH);
    private Throwable failure;
    private boolean closing;

    void queue(Pending pending) {
      Throwable failed;
      synchronized (this) {
        failed = failure;
        if (failed == null) {
          queue.addLast(pending);
        }
      }
      if (failed != null) {
        pending.failed().accept(failed);
      } else {
        iterate();
      }
    }

    void closeWhenFlushed() {
      synchronized (this) {
        closing = true;
      }
      iterate();
    }

    @Override
    protected Action process() {
      ByteBuffer[] buffers;
      synchronized (this) {
        while (writing.size() < BATCH && !queue.isEmpty()) {
          writing.add(queue.pollFirst());
        }
        if (writing.isEmpty()) {
          if (closing) {
            getEndPoint().close();
          }
          return Action.IDLE;
        }
        buffers = new ByteBuffer[writing.size()];
        for (int i = 0; i < buffers.length; i++) {
          buffers[i] = writing.get(i).frame();
        }
      }
      getEndPoint().write(this, buffers);
      return Action.SCHEDULED;
    }

    @Override
    protected void onSuccess() {
      List<Pending> done;
      synchronized (this) {
        done = List.copyOf(writing);
        writing.clear();
      }
      done.forEach(pending -> pending.sent().run());
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
      List<Pending> lost;
      synchronized (this) {
        failure = cause;
        lost = new ArrayList<>(writing);
        lost.addAll(queue);
        writing.clear();
        queue.clear();
      }
      lost.forEach(pending -> pending.failed().accept(cause));
      getEndPoint().close(cause);
    }
  }
}
