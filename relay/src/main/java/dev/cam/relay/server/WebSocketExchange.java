package dev.cam.relay.server;

import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.ReceiveWindow;
import dev.cam.relay.protocol.SendWindow;
import dev.cam.relay.protocol.Utf8;
import dev.cam.relay.protocol.WireReader;
import dev.cam.relay.protocol.WireWriter;
import dev.cam.relay.protocol.WorkLoop;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A client's WebSocket carried as a stream, message fragments as DATA. The relay reads the next
 * client frame only when the previous one went up within the server's credit, and returns credit
 * only when a fragment reached the client, so neither direction queues without bound.
 *
 * <p>Public only because Jetty calls its listener methods through public method handles; not an
 * API.
 */
public final class WebSocketExchange implements RelayStream, Session.Listener {
  private final LinkSession link;
  private final int id;
  private final RelayRuntime runtime;
  private final SendWindow sendWindow;
  private final ReceiveWindow receiveWindow;
  private final Queue<Fragment> ups = new ConcurrentLinkedQueue<>();
  private final Queue<Fragment> downs = new ConcurrentLinkedQueue<>();
  private final WorkLoop upLoop = new WorkLoop(this::pumpUp);
  private final WorkLoop downLoop = new WorkLoop(this::pumpDown);
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Session session;
  private volatile boolean upInFlight;
  private volatile boolean downInFlight;
  private volatile boolean demanding;
  private volatile boolean closedByServer;

  /** A piece of a message; {@code close} marks a close from the server, code in {@code code}. */
  private record Fragment(ByteBuffer data, boolean text, boolean fin, Reason close) {}

  WebSocketExchange(
      LinkSession link,
      int id,
      RelayRuntime runtime,
      SendWindow sendWindow,
      ReceiveWindow receiveWindow) {
    this.link = link;
    this.id = id;
    this.runtime = runtime;
    this.sendWindow = sendWindow;
    this.receiveWindow = receiveWindow;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    opened.setIdleTimeout(runtime.limits.idleTimeout());
    opened.setMaxOutgoingFrames(
        2 + runtime.limits.initialWindow() / Math.max(1, runtime.limits.maxPayload() / 8));
    session = opened;
    upLoop.run();
    downLoop.run();
  }

  @Override
  public void onWebSocketPartialText(String text, boolean fin) {
    demanding = false;
    ups.add(new Fragment(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true, fin, null));
    upLoop.run();
  }

  @Override
  public void onWebSocketPartialBinary(ByteBuffer data, boolean fin, Callback callback) {
    demanding = false;
    ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
    callback.succeed();
    ups.add(new Fragment(copy, false, fin, null));
    upLoop.run();
  }

  private void pumpUp() {
    while (!ended.get() && !upInFlight) {
      Fragment next = ups.peek();
      Session current = session;
      if (next == null) {
        if (current != null && !demanding) {
          demanding = true;
          current.demand();
        }
        return;
      }
      ByteBuffer data = next.data();
      int limit = Math.min(data.remaining(), runtime.limits.maxPayload());
      int credit = limit == 0 ? 0 : sendWindow.acquire(limit);
      int n = next.text() ? Utf8.boundary(data, credit) : credit;
      if (n < credit) {
        sendWindow.giveBack(credit - n);
      }
      if (limit > 0 && n == 0) {
        return; // a WINDOW from the server runs this loop again
      }
      ByteBuffer part = data.slice(data.position(), n);
      data.position(data.position() + n);
      boolean done = !data.hasRemaining();
      if (done) {
        ups.poll();
      }
      int flags = (next.text() ? Flags.TEXT : 0) | (done && next.fin() ? Flags.FIN : 0);
      upInFlight = true;
      runtime.budget.hold(n);
      link.send(
          new Frame(FrameType.DATA, flags, id, part),
          () -> {
            runtime.budget.drop(n);
            upInFlight = false;
            upLoop.run();
          },
          failure -> {
            runtime.budget.drop(n);
            onLinkLost("relay link failed");
          });
    }
  }

  @Override
  public void onFrame(Frame frame) {
    switch (frame.type()) {
      case DATA -> {
        int n = frame.length();
        receiveWindow.received(n);
        runtime.budget.hold(n);
        downs.add(new Fragment(frame.payload(), frame.has(Flags.TEXT), frame.has(Flags.FIN), null));
        downLoop.run();
      }
      case WINDOW -> {
        sendWindow.grant(new WireReader(frame.payload()).i32());
        upLoop.run();
      }
      case CLOSE -> {
        closedByServer = true;
        downs.add(new Fragment(null, false, true, Reason.decode(frame)));
        downLoop.run();
      }
      case RESET -> onLinkLost("CAM server aborted the WebSocket: " + Reason.decode(frame).text());
      default -> throw new ProtocolException(frame.type() + " on a WebSocket stream");
    }
  }

  private void pumpDown() {
    while (!downInFlight && !ended.get()) {
      Session current = session;
      Fragment next = current == null ? null : downs.poll();
      if (next == null) {
        return;
      }
      if (next.close() != null) {
        current.close(next.close().code(), next.close().text(), Callback.NOOP);
        return;
      }
      int n = next.data().remaining();
      downInFlight = true;
      Callback sent =
          Callback.from(
              () -> delivered(n),
              failure -> {
                runtime.budget.drop(n);
                clientGone();
              });
      if (next.text()) {
        current.sendPartialText(
            StandardCharsets.UTF_8.decode(next.data()).toString(), next.fin(), sent);
      } else {
        current.sendPartialBinary(next.data(), next.fin(), sent);
      }
    }
  }

  private void delivered(int n) {
    runtime.budget.drop(n);
    downInFlight = false;
    int increment = receiveWindow.consumed(n);
    if (increment > 0 && !ended.get()) {
      link.send(new Frame(FrameType.WINDOW, 0, id, new WireWriter().i32(increment).toBuffer()));
    }
    downLoop.run();
  }

  @Override
  public void onWebSocketClose(int code, String reason) {
    if (!closedByServer && !ended.get()) {
      link.send(new Reason(code, reason).toFrame(FrameType.CLOSE, id));
    }
    end();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    clientGone();
  }

  private void clientGone() {
    if (!ended.get()) {
      link.send(new Reason(Reason.CANCELLED, "client went away").toFrame(FrameType.RESET, id));
    }
    end();
  }

  @Override
  public void onLinkLost(String reason) {
    Session current = session;
    if (current != null && !ended.get()) {
      current.close(1001, reason, Callback.NOOP);
    }
    end();
  }

  private void end() {
    if (ended.compareAndSet(false, true)) {
      Fragment dropped;
      while ((dropped = downs.poll()) != null) {
        if (dropped.data() != null) {
          runtime.budget.drop(dropped.data().remaining());
        }
      }
      link.endStream(id, this, receiveWindow.grown());
    }
  }
}
