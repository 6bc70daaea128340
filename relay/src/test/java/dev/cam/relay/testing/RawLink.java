package dev.cam.relay.testing;

import dev.cam.relay.identity.RegistrationProof;
import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.FrameType;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.Reason;
import dev.cam.relay.protocol.Register;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven server link, for registrations and frames a real ServerLink would never send, over
 * either transport the relay accepts.
 */
public final class RawLink implements WebSocket.Listener, AutoCloseable {
  /** How the link reaches the relay. */
  public enum Transport {
    /** {@code Upgrade: cam-relay-link}, frames after their size: what current links use. */
    STREAM,
    /** One frame per binary WebSocket message: how links of the first release connect. */
    WEBSOCKET
  }

  public final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();

  /**
   * Completes when the relay ends the link: with the WebSocket close code and reason, or for a
   * stream link with {@code "EOF"} and the reason of the GOAWAY before it.
   */
  public final CompletableFuture<String> closed = new CompletableFuture<>();

  public final Transport transport;
  private ByteBuffer partial = ByteBuffer.allocate(0);

  /**
   * The WebSocket of a {@link Transport#WEBSOCKET} link, for messages {@link #send} would not make.
   */
  public WebSocket socket;

  private Socket stream;
  private volatile String goAway = "";

  private RawLink(Transport transport) {
    this.transport = transport;
  }

  /** A WebSocket link, as the first release connects. */
  public static RawLink connect(URI relay) throws Exception {
    return connect(relay, Transport.WEBSOCKET);
  }

  public static RawLink connect(URI relay, Transport transport) throws Exception {
    RawLink link = new RawLink(transport);
    if (transport == Transport.WEBSOCKET) {
      URI uri = URI.create(relay.toString().replaceFirst("^http", "ws") + "_relay/link");
      link.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(uri, link)
              .get(10, TimeUnit.SECONDS);
    } else {
      link.stream = upgrade(relay);
      Thread reader = new Thread(link::readStream, "raw-link-reader");
      reader.setDaemon(true);
      reader.start();
    }
    return link;
  }

  private static Socket upgrade(URI relay) throws IOException {
    Socket socket = new Socket(relay.getHost(), relay.getPort());
    socket.setSoTimeout(10_000);
    socket
        .getOutputStream()
        .write(
            ("GET /_relay/link HTTP/1.1\r\nHost: "
                    + relay.getHost()
                    + ":"
                    + relay.getPort()
                    + "\r\nConnection: Upgrade\r\nUpgrade: cam-relay-link\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        throw new EOFException("relay closed before answering the upgrade: " + head);
      }
      head.append((char) b);
    }
    if (!head.toString().startsWith("HTTP/1.1 101")) {
      socket.close();
      throw new IOException("relay refused the upgrade: " + head);
    }
    socket.setSoTimeout(0);
    return socket;
  }

  private void readStream() {
    try {
      DataInputStream in = new DataInputStream(stream.getInputStream());
      while (true) {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        received(Frame.decode(ByteBuffer.wrap(frame), 1 << 24));
      }
    } catch (IOException e) {
      closed.complete("EOF" + goAway);
    }
  }

  private void received(Frame frame) {
    if (frame.type() == FrameType.GOAWAY) {
      goAway = " after GOAWAY: " + Reason.decode(frame).text();
    }
    frames.add(frame);
  }

  public Frame next() throws InterruptedException {
    Frame frame = frames.poll(10, TimeUnit.SECONDS);
    if (frame == null) {
      throw new AssertionError(
          "no frame from the relay within 10 s; closed: " + closed.getNow("no"));
    }
    return frame;
  }

  public Hello hello() throws InterruptedException {
    return Hello.decode(next());
  }

  public void send(Frame frame) throws Exception {
    if (transport == Transport.WEBSOCKET) {
      socket.sendBinary(frame.encode(), true).get(5, TimeUnit.SECONDS);
    } else {
      sendRaw(frame.encodeWithLength());
    }
  }

  /** Writes bytes as they are onto a stream link, for framing a real link never sends. */
  public void sendRaw(ByteBuffer bytes) throws IOException {
    OutputStream out = stream.getOutputStream();
    byte[] array = new byte[bytes.remaining()];
    bytes.duplicate().get(array);
    out.write(array);
    out.flush();
  }

  /** A correct registration for {@code identity} answering {@code hello}. */
  public static Register register(ServerIdentity identity, Hello hello, String host) {
    long now = System.currentTimeMillis();
    byte[] signed = RegistrationProof.signedBytes(hello.nonce(), host, now, identity.serverId());
    return new Register(
        identity.publicKey(), identity.serverId(), host, now, identity.sign(signed), new byte[0]);
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    partial =
        ByteBuffer.allocate(partial.remaining() + data.remaining()).put(partial).put(data).flip();
    if (last) {
      received(Frame.decode(partial, 1 << 24));
      partial = ByteBuffer.allocate(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
