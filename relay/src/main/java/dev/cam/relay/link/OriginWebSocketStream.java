package dev.cam.relay.link;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Header;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.StreamOpen;
import dev.cam.relay.protocol.StreamResponse;
import dev.cam.relay.protocol.Utf8;
import dev.cam.relay.protocol.WireReader;
import dev.cam.relay.protocol.WireWriter;
import dev.cam.relay.protocol.WorkLoop;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client's WebSocket continued to the origin with the JDK WebSocket client. Messages travel as
 * DATA fragments; the origin is read from only when the previous message went up within credit.
 */
final class OriginWebSocketStream implements LinkStream, WebSocket.Listener {
  private final StreamContext link;
  private final int id;
  private final StreamOpen open;
  private final SendWindow sendWindow;
  private final ReceiveWindow receiveWindow;
  private final Queue<Piece> ups = new ConcurrentLinkedQueue<>();
  private final Queue<Piece> downs = new ConcurrentLinkedQueue<>();
  private final WorkLoop upLoop = new WorkLoop(this::pumpUp);
  private final WorkLoop downLoop = new WorkLoop(this::pumpDown);
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile WebSocket socket;
  private volatile boolean downInFlight;
  private volatile boolean ready;
  private volatile boolean requested;
  private volatile boolean closeSent;
  private volatile boolean closedByOrigin;
  private volatile boolean retried;

  /** Bytes of a message fragment, or a close when {@code close} is set. */
  private record Piece(ByteBuffer data, boolean text, boolean fin, Reason close) {}

  OriginWebSocketStream(StreamContext link, int id, StreamOpen open) {
    this.link = link;
    this.id = id;
    this.open = open;
    this.sendWindow = new SendWindow(link.initialWindow());
    this.receiveWindow = OriginHttpStream.growing(link);
  }

  @Override
  public void start() {
    WebSocket.Builder builder = link.originWebSockets().newWebSocketBuilder();
    List<String> protocols = new ArrayList<>();
    for (Header header : open.headers()) {
      if (header.name().equalsIgnoreCase("Sec-WebSocket-Protocol")) {
        for (String protocol : header.value().split(",")) {
          protocols.add(protocol.trim());
        }
      } else if (OriginHeaders.settable(header.name())) {
        try {
          builder.header(header.name(), header.value());
        } catch (IllegalArgumentException e) {
          // a header the JDK WebSocket client will not send; the origin does without it
        }
      }
    }
    if (!protocols.isEmpty()) {
      builder.subprotocols(
          protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
    }
    URI origin = link.origin();
    builder.buildAsync(uri(origin), this).whenComplete((ws, failure) -> connected(origin, failure));
  }

  private URI uri(URI origin) {
    String base = origin.toString().replaceFirst("^http", "ws");
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + open.target());
  }

  private void connected(URI origin, Throwable failure) {
    if (failure != null && OriginHttpStream.refused(failure) && !over.get()) {
      // the local server may have moved to another port: look again, and retry there once
      URI next = link.originUnreachable(origin);
      if (!retried && !next.equals(origin)) {
        retried = true;
        start();
        return;
      }
    }
    if (failure == null) {
      String protocol = socket.getSubprotocol();
      List<Header> headers =
          protocol == null || protocol.isEmpty()
              ? List.of()
              : List.of(new Header("Sec-WebSocket-Protocol", protocol));
      link.send(new StreamResponse(101, headers).toFrame(id, false));
      ready = true;
      upLoop.run();
      downLoop.run();
      return;
    }
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    int status = 502;
    String message = "the CAM server refused the WebSocket: " + cause.getMessage();
    if (cause instanceof WebSocketHandshakeException refused) {
      status = refused.getResponse().statusCode();
      message = "the CAM server answered " + status + " to the WebSocket upgrade";
    }
    link.send(
        new StreamResponse(status, List.of(new Header("Content-Type", "text/plain; charset=utf-8")))
            .toFrame(id, false));
    link.send(
        new Frame(
            FrameType.DATA,
            Flags.END_STREAM,
            id,
            ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8))));
    finish();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket; // request(1) waits until the relay heard the 101
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    requested = false;
    ups.add(new Piece(StandardCharsets.UTF_8.encode(data.toString()), true, last, null));
    upLoop.run();
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    requested = false;
    ups.add(new Piece(ByteBuffer.allocate(data.remaining()).put(data).flip(), false, last, null));
    upLoop.run();
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedByOrigin = true;
    if (!over.get()) {
      link.send(new Reason(statusCode, reason).toFrame(FrameType.CLOSE, id));
    }
    finish();
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (!over.get()) {
      link.send(
          new Reason(Reason.UNREACHABLE, "origin WebSocket failed").toFrame(FrameType.RESET, id));
    }
    finish();
  }

  /** Sends origin messages up within credit; asks the origin for more when all went. */
  private void pumpUp() {
    while (ready && !over.get()) {
      Piece next = ups.peek();
      if (next == null) {
        if (!requested) {
          requested = true;
          socket.request(1);
        }
        return;
      }
      ByteBuffer data = next.data();
      int limit = Math.min(data.remaining(), link.maxPayload());
      int credit = limit == 0 ? 0 : sendWindow.acquire(limit);
      int n = next.text() ? Utf8.boundary(data, credit) : credit;
      if (n < credit) {
        sendWindow.giveBack(credit - n);
      }
      if (limit > 0 && n == 0) {
        return; // WINDOW runs this again
      }
      ByteBuffer part = data.slice(data.position(), n);
      data.position(data.position() + n);
      boolean done = !data.hasRemaining();
      if (done) {
        ups.poll();
      }
      int flags = (next.text() ? Flags.TEXT : 0) | (done && next.fin() ? Flags.FIN : 0);
      link.send(new Frame(FrameType.DATA, flags, id, part));
    }
  }

  @Override
  public void onFrame(Frame frame) {
    switch (frame.type()) {
      case DATA -> {
        receiveWindow.received(frame.length());
        downs.add(new Piece(frame.payload(), frame.has(Flags.TEXT), frame.has(Flags.FIN), null));
        downLoop.run();
      }
      case WINDOW -> {
        sendWindow.grant(new WireReader(frame.payload()).i32());
        upLoop.run();
      }
      case CLOSE -> {
        downs.add(new Piece(null, false, true, Reason.decode(frame)));
        downLoop.run();
      }
      case RESET -> abort();
      default -> {
        // RESPONSE and OPEN never come this way on a live stream
      }
    }
  }

  private void pumpDown() {
    while (ready && !downInFlight && !over.get()) {
      Piece next = downs.poll();
      if (next == null) {
        return;
      }
      if (next.close() != null) {
        closeOrigin(next.close());
        return;
      }
      int n = next.data().remaining();
      downInFlight = true;
      var sent =
          next.text()
              ? socket.sendText(StandardCharsets.UTF_8.decode(next.data()), next.fin())
              : socket.sendBinary(next.data(), next.fin());
      sent.whenComplete(
          (ws, failure) -> {
            downInFlight = false;
            if (failure != null) {
              onError(socket, failure);
              return;
            }
            int increment = receiveWindow.consumed(n);
            if (increment > 0) {
              link.send(
                  new Frame(FrameType.WINDOW, 0, id, new WireWriter().i32(increment).toBuffer()));
            }
            downLoop.run();
          });
    }
  }

  private void closeOrigin(Reason reason) {
    if (closeSent || closedByOrigin) {
      finish();
      return;
    }
    closeSent = true;
    // The JDK client may only send 1000 or 3000-4999; anything else becomes a normal close.
    int code =
        reason.code() == 1000 || (reason.code() >= 3000 && reason.code() <= 4999)
            ? reason.code()
            : 1000;
    socket.sendClose(code, reason.text()).whenComplete((ws, failure) -> finish());
  }

  private void finish() {
    if (over.compareAndSet(false, true)) {
      link.finished(id, this);
    }
  }

  @Override
  public void abort() {
    WebSocket current = socket;
    finish();
    if (current != null) {
      current.abort();
    }
  }
}
