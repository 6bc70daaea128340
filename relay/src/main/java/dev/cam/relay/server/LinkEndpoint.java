package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.Register;
import dev.cam.relay.protocol.Registered;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's end of one server link WebSocket: sends HELLO, checks the REGISTER within the
 * handshake timeout, then hands every frame to the {@link LinkSession}.
 *
 * <p>Public only because Jetty calls its listener methods through public method handles; not an
 * API.
 */
public final class LinkEndpoint implements Session.Listener.AutoDemanding {
  private static final Logger LOG = LoggerFactory.getLogger(LinkEndpoint.class);
  private static final int LINK_READ_BUFFER = 64 * 1024;

  private final RelayRuntime runtime;
  private final String host;
  private final Runnable handshakeEnded;
  private final AtomicBoolean handshaking = new AtomicBoolean(true);
  private final byte[] nonce = new byte[32];
  private volatile Session session;
  private volatile LinkSession link;
  private volatile ScheduledFuture<?> timeout;

  LinkEndpoint(RelayRuntime runtime, String host, Runnable handshakeEnded) {
    this.runtime = runtime;
    this.host = host;
    this.handshakeEnded = handshakeEnded;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    RelayLimits limits = runtime.limits;
    opened.setMaxBinaryMessageSize(Frame.HEADER_SIZE + (long) limits.maxPayload());
    // A link carries every stream of its server: read it in frame-sized pieces, not Jetty's
    // default 4 KiB (16 reads, parses and unmasking passes per 64 KiB frame). Links are few.
    opened.setInputBufferSize(LINK_READ_BUFFER);
    opened.setMaxTextMessageSize(1024);
    opened.setIdleTimeout(limits.pingInterval().multipliedBy(4));
    runtime.random.nextBytes(nonce);
    Hello hello =
        new Hello(
            Hello.VERSION,
            nonce,
            limits.maxPayload(),
            limits.initialWindow(),
            (int) limits.pingInterval().toMillis());
    opened.sendBinary(hello.toFrame().encode(), Callback.NOOP);
    Duration limit = limits.handshakeTimeout();
    timeout =
        runtime.timers.schedule(
            () -> refuse("registration timed out after " + limit.toSeconds() + " s"),
            limit.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer message, Callback callback) {
    try {
      Frame frame = Frame.decode(message, runtime.limits.maxPayload());
      LinkSession registered = link;
      if (registered != null) {
        registered.onFrame(frame);
      } else if (handshaking.get()) {
        register(frame);
      }
    } catch (ProtocolException e) {
      LOG.info("link protocol error: {}", e.getMessage());
      abandon(new Reason(Reason.PROTOCOL_ERROR, e.getMessage()), 1002);
    } finally {
      callback.succeed();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    abandon(new Reason(Reason.PROTOCOL_ERROR, "text messages are not part of the protocol"), 1003);
  }

  private void register(Frame frame) {
    if (frame.type() != FrameType.REGISTER) {
      throw new ProtocolException("expected REGISTER, got " + frame.type());
    }
    String serverId;
    try {
      serverId =
          new RegistrationCheck(runtime.config.admissionSecret())
              .verify(nonce, Register.decode(frame), host, System.currentTimeMillis());
    } catch (RegistrationCheck.Refused e) {
      refuse(e.getMessage());
      return;
    }
    endHandshake();
    LinkSession registered = new LinkSession(serverId, session, runtime);
    registered.send(new Registered(serverId, "/s/" + serverId + "/").toFrame());
    link = registered;
    runtime.registry.register(registered);
    LOG.info("server {} registered", serverId);
  }

  private void refuse(String reason) {
    if (!handshaking.get()) {
      return;
    }
    runtime.refusedRegistrations.incrementAndGet();
    LOG.info("registration refused: {}", reason);
    abandon(new Reason(Reason.REFUSED, reason), 1008);
  }

  private void abandon(Reason reason, int closeCode) {
    endHandshake();
    Session current = session;
    if (current != null) {
      current.sendBinary(reason.toFrame(FrameType.GOAWAY, 0).encode(), Callback.NOOP);
      current.close(closeCode, reason.text(), Callback.NOOP);
    }
  }

  private void endHandshake() {
    if (handshaking.compareAndSet(true, false)) {
      ScheduledFuture<?> pending = timeout;
      if (pending != null) {
        pending.cancel(false);
      }
      handshakeEnded.run();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    endHandshake();
    LinkSession registered = link;
    if (registered != null) {
      registered.closed("CAM server " + registered.serverId() + " disconnected from the relay");
      LOG.info("server {} disconnected ({})", registered.serverId(), statusCode);
    }
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    onWebSocketClose(1006, String.valueOf(cause.getMessage()));
  }
}
