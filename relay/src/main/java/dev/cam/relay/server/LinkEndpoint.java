package dev.cam.relay.server;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.Register;
import dev.cam.relay.protocol.Registered;
import dev.cam.relay.wire.FrameListener;
import dev.cam.relay.wire.FrameWire;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's end of one server link, whatever its {@link FrameWire}: sends HELLO, checks the
 * REGISTER within the handshake timeout, then hands every frame to the {@link LinkSession}.
 */
final class LinkEndpoint implements FrameListener {
  private static final Logger LOG = LoggerFactory.getLogger(LinkEndpoint.class);

  private final RelayRuntime runtime;
  private final String host;
  private final Runnable handshakeEnded;
  private final AtomicBoolean handshaking = new AtomicBoolean(true);
  private final byte[] nonce = new byte[32];
  private volatile FrameWire wire;
  private volatile LinkSession link;
  private volatile ScheduledFuture<?> timeout;

  LinkEndpoint(RelayRuntime runtime, String host, Runnable handshakeEnded) {
    this.runtime = runtime;
    this.host = host;
    this.handshakeEnded = handshakeEnded;
  }

  /** The wire is up: greet the server and start the registration clock. */
  @Override
  public void opened(FrameWire opened) {
    this.wire = opened;
    RelayLimits limits = runtime.limits;
    runtime.random.nextBytes(nonce);
    Hello hello =
        new Hello(
            Hello.VERSION,
            nonce,
            limits.maxPayload(),
            limits.initialWindow(),
            (int) limits.pingInterval().toMillis());
    opened.send(hello.toFrame().encodeWithLength(), () -> {}, failure -> {});
    Duration limit = limits.handshakeTimeout();
    timeout =
        runtime.timers.schedule(
            () -> refuse("registration timed out after " + limit.toSeconds() + " s"),
            limit.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void received(ByteBuffer message) {
    try {
      Frame frame = Frame.decode(message, runtime.limits.maxPayload());
      LinkSession registered = link;
      if (registered != null) {
        registered.onFrame(frame);
      } else if (handshaking.get()) {
        register(frame);
      }
    } catch (ProtocolException e) {
      broken(e.getMessage());
    }
  }

  /** The server broke the protocol: tell it why and drop the link. */
  @Override
  public void broken(String why) {
    LOG.info("link protocol error: {}", why);
    abandon(new Reason(Reason.PROTOCOL_ERROR, why), 1002);
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
    LinkSession registered = new LinkSession(serverId, wire, runtime);
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
    FrameWire current = wire;
    if (current != null) {
      current.send(reason.toFrame(FrameType.GOAWAY, 0).encodeWithLength(), () -> {}, x -> {});
      current.close(closeCode, reason.text());
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

  /** The wire is gone ({@code why} is for the log): every stream of the server fails. */
  @Override
  public void ended(String why) {
    endHandshake();
    LinkSession registered = link;
    if (registered != null) {
      registered.closed("CAM server " + registered.serverId() + " disconnected from the relay");
      LOG.info("server {} disconnected ({})", registered.serverId(), why);
    }
  }
}
