package dev.cam.relay.server;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.StreamKind;
import dev.cam.relay.protocol.StreamOpen;
import dev.cam.relay.protocol.StreamResponse;
import dev.cam.relay.protocol.WireReader;
import dev.cam.relay.protocol.WireWriter;
import dev.cam.relay.protocol.WorkLoop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One client HTTP request carried as a stream: the request body goes up as DATA within the server's
 * credit, the response comes down as RESPONSE and DATA and is written to the client one buffer at a
 * time; credit goes back only after a buffer reached the client's socket. A WebSocket upgrade
 * starts here too and turns into a {@link WebSocketExchange} when the server answers 101.
 */
final class HttpExchange implements RelayStream {
  private final LinkSession link;
  private final int id;
  private final RelayRuntime runtime;
  private final Request request;
  private final Response response;
  private final Callback callback;
  private final StreamKind kind;
  private final ClientUpgrades upgrades;
  private final SendWindow sendWindow;
  private final ReceiveWindow receiveWindow;
  private final WorkLoop uploadLoop = new WorkLoop(this::upload);
  private final WorkLoop downloadLoop = new WorkLoop(this::download);
  private final Queue<ByteBuffer> downloads = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private Content.Chunk chunk;
  private volatile boolean uploadDone;
  private volatile boolean uploadInFlight;
  private volatile boolean demanding;
  private volatile boolean responded;
  private volatile boolean endReceived;
  private volatile boolean writing;
  private volatile boolean lastWritten;

  HttpExchange(
      LinkSession link,
      int id,
      RelayRuntime runtime,
      Request request,
      Response response,
      Callback callback,
      StreamKind kind,
      ClientUpgrades upgrades) {
    this.link = link;
    this.id = id;
    this.runtime = runtime;
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.kind = kind;
    this.upgrades = upgrades;
    this.sendWindow = new SendWindow(runtime.limits.initialWindow());
    this.receiveWindow =
        new ReceiveWindow(
            runtime.limits.initialWindow(),
            runtime.limits.maxWindow(),
            bytes -> runtime.budget.tryReserve(bytes));
  }

  void start(StreamOpen open, boolean hasBody) {
    link.attach(id, this);
    uploadDone = !hasBody;
    link.send(open.toFrame(id, !hasBody), () -> {}, failure -> onLinkLost("relay link failed"));
    if (hasBody) {
      uploadLoop.run();
    }
  }

  private void upload() {
    while (true) {
      if (finished.get()) {
        releaseChunk();
        return;
      }
      if (uploadDone || uploadInFlight || demanding) {
        return;
      }
      if (chunk == null) {
        chunk = request.read();
        if (chunk == null) {
          // Credit may come back before the content does: one demand at a time (Jetty refuses
          // a second one).
          demanding = true;
          request.demand(
              () -> {
                demanding = false;
                uploadLoop.run();
              });
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          cancel(chunk.getFailure());
          return;
        }
      }
      if (!sendChunkPart()) {
        return;
      }
    }
  }

  /** Sends what credit allows of the current chunk; false when out of credit. */
  private boolean sendChunkPart() {
    ByteBuffer buffer = chunk.getByteBuffer();
    boolean lastChunk = chunk.isLast();
    int n = 0;
    if (buffer.hasRemaining()) {
      n = sendWindow.acquire(Math.min(buffer.remaining(), runtime.limits.maxPayload()));
      if (n == 0) {
        return false;
      }
    }
    ByteBuffer part = buffer.slice(buffer.position(), n);
    buffer.position(buffer.position() + n);
    boolean last = lastChunk && !buffer.hasRemaining();
    if (n > 0 || last) {
      uploadInFlight = true;
      int sent = n;
      runtime.budget.hold(sent);
      link.send(
          new Frame(FrameType.DATA, last ? Flags.END_STREAM : 0, id, part),
          () -> {
            runtime.budget.drop(sent);
            uploadInFlight = false;
            uploadLoop.run();
          },
          failure -> {
            runtime.budget.drop(sent);
            onLinkLost("relay link failed");
          });
    }
    if (!buffer.hasRemaining()) {
      releaseChunk();
      uploadDone = last;
    }
    return true;
  }

  private void releaseChunk() {
    if (chunk != null) {
      chunk.release();
      chunk = null;
    }
  }

  @Override
  public void onFrame(Frame frame) {
    switch (frame.type()) {
      case RESPONSE -> onResponse(frame);
      case DATA -> onData(frame);
      case WINDOW -> {
        sendWindow.grant(new WireReader(frame.payload()).i32());
        uploadLoop.run();
      }
      case RESET -> onLinkLost("CAM server aborted the request: " + Reason.decode(frame).text());
      default -> throw new ProtocolException(frame.type() + " on an HTTP stream");
    }
  }

  private void onResponse(Frame frame) {
    if (responded) {
      throw new ProtocolException("second RESPONSE on stream " + id);
    }
    StreamResponse answer = StreamResponse.decode(frame);
    if (kind == StreamKind.WEBSOCKET && answer.status() == 101) {
      upgrade(answer);
      return;
    }
    response.setStatus(answer.status());
    Forwarding.copyResponseHeaders(answer.headers(), response.getHeaders());
    endReceived = frame.has(Flags.END_STREAM);
    responded = true;
    downloadLoop.run();
  }

  private void onData(Frame frame) {
    if (!responded) {
      throw new ProtocolException("DATA before RESPONSE on stream " + id);
    }
    int n = frame.length();
    receiveWindow.received(n);
    runtime.budget.hold(n);
    downloads.add(frame.payload());
    endReceived = frame.has(Flags.END_STREAM);
    downloadLoop.run();
  }

  private void download() {
    while (!writing && !lastWritten && responded && !finished.get()) {
      ByteBuffer next = downloads.poll();
      if (next == null && !endReceived) {
        return;
      }
      ByteBuffer data = next == null ? ByteBuffer.allocate(0) : next;
      boolean last = endReceived && downloads.isEmpty();
      int n = data.remaining();
      writing = true;
      lastWritten = last;
      response.write(
          last,
          data,
          Callback.from(
              () -> written(n, last),
              failure -> {
                runtime.budget.drop(n);
                cancel(failure);
              }));
    }
  }

  private void written(int n, boolean last) {
    runtime.budget.drop(n);
    writing = false;
    if (last) {
      finish();
      return;
    }
    int increment = receiveWindow.consumed(n);
    if (increment > 0) {
      link.send(new Frame(FrameType.WINDOW, 0, id, new WireWriter().i32(increment).toBuffer()));
    }
    downloadLoop.run();
  }

  private void finish() {
    if (finished.compareAndSet(false, true)) {
      dropQueued();
      link.endStream(id, this, receiveWindow.grown());
      callback.succeeded();
      uploadLoop.run();
    }
  }

  /** The client went away or its request failed: tell the server and drop the stream. */
  private void cancel(Throwable failure) {
    if (finished.compareAndSet(false, true)) {
      link.send(new Reason(Reason.CANCELLED, "client went away").toFrame(FrameType.RESET, id));
      dropQueued();
      link.endStream(id, this, receiveWindow.grown());
      callback.failed(failure);
      uploadLoop.run();
    }
  }

  @Override
  public void onLinkLost(String reason) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    dropQueued();
    link.endStream(id, this, receiveWindow.grown());
    if (writing || response.isCommitted()) {
      callback.failed(new IOException(reason));
    } else {
      response.reset();
      Replies.text(response, callback, 502, reason);
    }
    uploadLoop.run();
  }

  private void dropQueued() {
    ByteBuffer dropped;
    while ((dropped = downloads.poll()) != null) {
      runtime.budget.drop(dropped.remaining());
    }
  }

  private void upgrade(StreamResponse answer) {
    finished.set(true);
    WebSocketExchange socket = new WebSocketExchange(link, id, runtime, sendWindow, receiveWindow);
    link.replaceStream(id, this, socket);
    Callback watched =
        Callback.from(
            callback::succeeded,
            failure -> {
              callback.failed(failure);
              socket.onLinkLost("client upgrade failed");
            });
    if (!upgrades.upgrade(request, response, watched, answer, socket)) {
      socket.onLinkLost("client upgrade failed");
      Replies.text(response, callback, 502, "the relay could not complete the WebSocket upgrade");
    }
  }
}
