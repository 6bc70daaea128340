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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One connection of a {@link ServerLink} to the relay: answers HELLO with a signed REGISTER, then
 * opens a stream to the origin for every OPEN. Lives until the WebSocket ends; the link then makes
 * a new one.
 */
final class LinkConnection implements WebSocket.Listener, StreamContext {
  private static final int HANDSHAKE_MAX_PAYLOAD = 64 * 1024;

  private final ServerLink owner;
  private final LinkSettings settings;
  private final OriginSource origins;
  private final ServerIdentity identity;
  private final HttpClient originClient;
  private final ScheduledExecutorService timers;
  private final Map<Integer, LinkStream> streams = new ConcurrentHashMap<>();
  private final AtomicBoolean over = new AtomicBoolean();
  private volatile WebSocket socket;
  private volatile FrameSender sender;
  private volatile Hello hello;
  private volatile String goAway;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile ScheduledFuture<?> pinger;
  private ByteBuffer partial;

  LinkConnection(
      ServerLink owner,
      LinkSettings settings,
      OriginSource origins,
      ServerIdentity identity,
      HttpClient originClient,
      ScheduledExecutorService timers) {
    this.owner = owner;
    this.settings = settings;
    this.origins = origins;
    this.identity = identity;
    this.originClient = originClient;
    this.timers = timers;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    sender =
        new FrameSender(
            webSocket,
            () -> {
              Hello settled = hello;
              return settled == null ? HANDSHAKE_MAX_PAYLOAD : settled.maxPayload();
            },
            failure -> fail("sending to the relay failed: " + failure));
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    try {
      ByteBuffer message = collect(data, last);
      if (message != null) {
        Hello settled = hello;
        handle(
            Frame.decode(message, settled == null ? HANDSHAKE_MAX_PAYLOAD : settled.maxPayload()));
      }
      webSocket.request(1);
    } catch (ProtocolException e) {
      fail("relay broke the protocol: " + e.getMessage());
    }
    return null;
  }

  /** Joins a message the JDK delivers in parts; null until the last part. */
  private ByteBuffer collect(ByteBuffer data, boolean last) {
    if (partial == null && last) {
      return data;
    }
    Hello settled = hello;
    int max = Frame.HEADER_SIZE + (settled == null ? HANDSHAKE_MAX_PAYLOAD : settled.maxPayload());
    if (partial == null) {
      partial = ByteBuffer.allocate(max);
    }
    if (data.remaining() > partial.remaining()) {
      throw new ProtocolException("frame larger than the link's frame size");
    }
    partial.put(data);
    if (!last) {
      return null;
    }
    ByteBuffer whole = partial.flip();
    partial = null;
    return whole;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    fail("relay sent text; is this URL a CAM relay?");
    return null;
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

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    String why =
        goAway != null ? goAway : "relay closed the link (" + statusCode + " " + reason + ")";
    fail(why);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    fail(goAway != null ? goAway : "link failed: " + error.getMessage());
  }

  /** Ends this connection once: streams stop, the socket goes, the owner reconnects. */
  void fail(String reason) {
    if (!over.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> ping = pinger;
    if (ping != null) {
      ping.cancel(false);
    }
    streams.values().forEach(LinkStream::abort);
    streams.clear();
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    owner.lost(this, reason);
  }

  /** Says goodbye to the relay and ends. */
  void shutdown() {
    send(new Reason(Reason.SHUTDOWN, "server shutting down").toFrame(FrameType.GOAWAY, 0));
    WebSocket current = socket;
    if (current != null) {
      current.sendClose(WebSocket.NORMAL_CLOSURE, "shutdown");
    }
    fail("stopped");
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
    return hello.maxPayload();
  }

  @Override
  public int initialWindow() {
    return hello.initialWindow();
  }

  @Override
  public HttpClient originClient() {
    return originClient;
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
