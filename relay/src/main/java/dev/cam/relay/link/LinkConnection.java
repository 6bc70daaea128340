package dev.cam.relay.link;

import dev.cam.relay.identity.RegistrationProof;
import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.protocol.Flags;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.Register;
import dev.cam.relay.protocol.Registered;
import dev.cam.relay.protocol.StreamKind;
import dev.cam.relay.protocol.StreamOpen;
import dev.cam.relay.wire.FrameListener;
import dev.cam.relay.wire.FrameWire;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.client.Request;

/**
 * One connection of a {@link ServerLink} to the relay, over whichever {@link FrameWire} connected:
 * answers HELLO with a signed REGISTER, then opens a stream to the origin for every OPEN. Lives
 * until the wire ends; the link then makes a new one.
 */
final class LinkConnection implements StreamContext, FrameListener {
  private static final int HANDSHAKE_MAX_PAYLOAD = 64 * 1024;

  /** The largest frame (header and payload) either transport accepts before HELLO settles it. */
  static final int HANDSHAKE_FRAME = Frame.HEADER_SIZE + HANDSHAKE_MAX_PAYLOAD;

  private final ServerLink owner;
  private final LinkSettings settings;
  private final OriginSource origins;
  private final ServerIdentity identity;
  private final LinkClients clients;
  private final ScheduledExecutorService timers;
  private final Map<Integer, LinkStream> streams = new ConcurrentHashMap<>();
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile FrameWire wire;
  private volatile FrameSender sender;
  private volatile Hello hello;
  private volatile String goAway;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile ScheduledFuture<?> pinger;

  LinkConnection(
      ServerLink owner,
      LinkSettings settings,
      OriginSource origins,
      ServerIdentity identity,
      LinkClients clients,
      ScheduledExecutorService timers) {
    this.owner = owner;
    this.settings = settings;
    this.origins = origins;
    this.identity = identity;
    this.clients = clients;
    this.timers = timers;
  }

  /** The wire is up; HELLO is on its way. */
  @Override
  public void opened(FrameWire opened) {
    wire = opened;
    sender =
        new FrameSender(
            opened,
            () -> {
              Hello settled = hello;
              return settled == null ? HANDSHAKE_MAX_PAYLOAD : sendLimit(settled);
            },
            failure -> fail("sending to the relay failed: " + failure));
  }

  @Override
  public void received(ByteBuffer message) {
    try {
      Hello settled = hello;
      handle(Frame.decode(message, settled == null ? HANDSHAKE_MAX_PAYLOAD : settled.maxPayload()));
    } catch (ProtocolException e) {
      fail("relay broke the protocol: " + e.getMessage());
    }
  }

  @Override
  public void broken(String why) {
    fail("relay broke the protocol: " + why + "; is this URL a CAM relay?");
  }

  /** The wire ended: the relay's goodbye says why, if it said one. */
  @Override
  public void ended(String why) {
    fail(goAway != null ? goAway : "relay link " + why);
  }

  private void handle(Frame frame) {
    lastHeardNanos = System.nanoTime();
    switch (frame.type()) {
      case HELLO -> register(Hello.decode(frame));
      case REGISTERED -> {
        Registered registered = Registered.decode(frame);
        owner.registered(this, settings.publicUrl(registered.pathPrefix()));
      }
      case GOAWAY -> goAway = goAway(Reason.decode(frame));
      case PING -> send(new Frame(FrameType.PONG, 0, 0, frame.payload()));
      case PONG -> {}
      case OPEN -> open(frame);
      case DATA, WINDOW, RESET, CLOSE -> route(frame);
      default -> throw new ProtocolException(frame.type() + " is not sent by a relay");
    }
  }

  private static String goAway(Reason reason) {
    return reason.code() == Reason.REFUSED
        ? LinkStatus.REFUSED + reason.text()
        : "relay said goodbye: " + reason.text();
  }

  private void register(Hello received) {
    if (received.version() != Hello.VERSION) {
      throw new ProtocolException("relay speaks protocol version " + received.version());
    }
    hello = received;
    wire.settle(
        Frame.HEADER_SIZE + received.maxPayload(),
        Duration.ofMillis(4L * received.pingIntervalMillis()));
    String host = settings.relay().getHost();
    long now = System.currentTimeMillis();
    byte[] signed = RegistrationProof.signedBytes(received.nonce(), host, now, identity.serverId());
    Register register =
        new Register(
            identity.publicKey(),
            identity.serverId(),
            host,
            now,
            identity.sign(signed),
            settings.admissionSecret().getBytes(StandardCharsets.UTF_8));
    send(register.toFrame());
    long interval = received.pingIntervalMillis();
    pinger = timers.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    long silent = System.nanoTime() - lastHeardNanos;
    if (silent > TimeUnit.MILLISECONDS.toNanos(3L * hello.pingIntervalMillis())) {
      fail(
          "relay stopped answering (no frame for "
              + TimeUnit.NANOSECONDS.toMillis(silent)
              + " ms)");
      return;
    }
    send(new Frame(FrameType.PING, 0, 0, ByteBuffer.allocate(8).putLong(0, System.nanoTime())));
  }

  private void open(Frame frame) {
    StreamOpen open = StreamOpen.decode(frame);
    int id = frame.streamId();
    LinkStream stream =
        open.kind() == StreamKind.HTTP
            ? new OriginHttpStream(this, id, open, frame.has(Flags.END_STREAM))
            : new OriginWebSocketStream(this, id, open);
    streams.put(id, stream);
    stream.start();
  }

  private void route(Frame frame) {
    LinkStream stream = streams.get(frame.streamId());
    if (stream == null) {
      return; // ended here first
    }
    try {
      stream.onFrame(frame);
    } catch (ProtocolException e) {
      send(
          new Reason(Reason.PROTOCOL_ERROR, e.getMessage())
              .toFrame(FrameType.RESET, frame.streamId()));
      stream.abort();
    }
  }

  /** Ends this connection once: streams stop, the socket goes, the owner reconnects. */
  void fail(String reason) {
    end(reason, true);
  }

  private void end(String reason, boolean abrupt) {
    if (!over.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> ping = pinger;
    if (ping != null) {
      ping.cancel(false);
    }
    streams.values().forEach(LinkStream::abort);
    streams.clear();
    FrameWire current = wire;
    if (current != null && abrupt) {
      current.disconnect();
    }
    owner.lost(this, reason);
  }

  /** Says goodbye to the relay and ends. */
  void shutdown() {
    send(new Reason(Reason.SHUTDOWN, "server shutting down").toFrame(FrameType.GOAWAY, 0));
    FrameWire current = wire;
    if (current != null) {
      current.close(1000, "shutdown");
    }
    end("stopped", false);
  }

  long queuedBytes() {
    FrameSender current = sender;
    return current == null ? 0 : current.queuedBytes();
  }

  int streamCount() {
    return streams.size();
  }

  @Override
  public void send(Frame frame) {
    FrameSender current = sender;
    if (current != null && !over.get()) {
      current.send(frame);
    }
  }

  @Override
  public void finished(int streamId, LinkStream stream) {
    streams.remove(streamId, stream);
  }

  @Override
  public int maxPayload() {
    return sendLimit(hello);
  }

  /**
   * The payload this side puts in a frame: a header short of the link's frame size, so a whole
   * frame is no larger than the frame size itself and fits the relay's WebSocket frame limit when
   * both are 64 KiB (Jetty's default): never split in two and joined again.
   */
  private static int sendLimit(Hello settled) {
    return settled.maxPayload() - Frame.HEADER_SIZE;
  }

  @Override
  public int initialWindow() {
    return hello.initialWindow();
  }

  @Override
  public HttpClient originWebSockets() {
    return clients.originWebSockets();
  }

  @Override
  public Request newOriginRequest(URI uri) {
    return clients.newOriginRequest(uri);
  }

  @Override
  public URI origin() {
    return origins.current();
  }

  @Override
  public URI originUnreachable(URI tried) {
    return origins.unreachable(tried);
  }
}
