package dev.cam.relay.link;

import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.ProtocolException;
import dev.cam.relay.wire.FrameListener;
import dev.cam.relay.wire.FrameWire;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A link on a connection of its own framing: an HTTP/1.1 GET with {@code Upgrade: cam-relay-link},
 * then frames as they are, each after its size ({@link Frame#LENGTH_SIZE} bytes). Nothing is masked
 * (a WebSocket client must mask every byte it sends), so a download costs the link and the relay a
 * copy where it cost them a pass over every byte.
 *
 * <p>Blocking sockets, one thread reading and one writing: the writer takes frames from a queue, so
 * no caller of {@link #send} ever waits on the network. What the queue holds is bounded by the
 * streams' credit (the {@link FrameSender} hands over one frame at a time).
 */
final class StreamWire implements FrameWire {
  /** Queued behind the frames to send: the writer closes the socket when it comes to it. */
  private static final Pending CLOSE = new Pending(null, () -> {}, failure -> {});

  private static final int MAX_RESPONSE_HEAD = 8 * 1024;
  private static final int MAX_REFUSAL_BODY = 2 * 1024;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final FrameListener connection;
  private volatile int maxFrame;
  private volatile boolean closing;

  private StreamWire(Socket socket, InputStream in, FrameListener connection, int handshakeFrame)
      throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(in);
    this.out = socket.getOutputStream();
    this.connection = connection;
    this.maxFrame = handshakeFrame;
  }

  /** Refused upgrade: the relay (or a proxy before it) answered with this HTTP status. */
  static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * Connects to {@code linkUri} ({@code ws} or {@code wss}) and upgrades; blocks until the relay
   * answered. {@link #run} then carries the link.
   *
   * @throws Refused if the relay answered the upgrade with anything but 101
   * @throws IOException if the relay cannot be reached
   */
  static StreamWire open(
      URI linkUri,
      SSLContext tls,
      Duration connectTimeout,
      FrameListener connection,
      int handshakeFrame)
      throws IOException {
    boolean secure = "wss".equalsIgnoreCase(linkUri.getScheme());
    String host = linkUri.getHost();
    int port = linkUri.getPort() > 0 ? linkUri.getPort() : secure ? 443 : 80;
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      socket.setSoTimeout((int) connectTimeout.toMillis());
      if (secure) {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        socket = ssl;
      }
      InputStream input = new BufferedInputStream(socket.getInputStream(), 2 * handshakeFrame);
      upgrade(socket.getOutputStream(), input, linkUri, host, port, secure);
      return new StreamWire(socket, input, connection, handshakeFrame);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Carries the link until it ends: this thread reads, a thread from {@code threads} writes. The
   * connection hears {@link FrameListener#opened} first and {@link FrameListener#ended} last.
   */
  void run(Executor threads) {
    try {
      threads.execute(this::writeLoop);
    } catch (RuntimeException e) {
      disconnect();
      connection.ended("failed: no thread to write with (" + e + ")");
      return;
    }
    connection.opened(this);
    readLoop();
  }

  private static void upgrade(
      OutputStream out, InputStream in, URI linkUri, String host, int port, boolean secure)
      throws IOException {
    boolean defaultPort = port == (secure ? 443 : 80);
    String hostHeader =
        (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (defaultPort ? "" : ":" + port);
    String request =
        "GET "
            + linkUri.getRawPath()
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nConnection: Upgrade\r\nUpgrade: "
            + STREAM_UPGRADE
            + "\r\nUser-Agent: cam-relay-link\r\n\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String head = readHead(in);
    int status = status(head);
    if (status != 101) {
      throw new Refused(status, "HTTP " + status + " " + refusalBody(in, head).strip());
    }
    if (!head.toLowerCase(Locale.ROOT).contains("\nupgrade: " + STREAM_UPGRADE)) {
      throw new Refused(status, "HTTP 101 to another protocol; is this URL a CAM relay?");
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("the relay closed the connection before answering the upgrade");
      }
      if (head.size() >= MAX_RESPONSE_HEAD) {
        throw new IOException("the relay's answer to the upgrade is not HTTP");
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static int status(String head) throws IOException {
    // "HTTP/1.1 101 Switching Protocols"
    if (!head.startsWith("HTTP/1.") || head.length() < 12) {
      throw new IOException("the relay's answer to the upgrade is not HTTP");
    }
    try {
      return Integer.parseInt(head.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("the relay's answer to the upgrade is not HTTP", e);
    }
  }

  private static String refusalBody(InputStream in, String head) {
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
        try {
          length = Integer.parseInt(line.substring(15).strip());
        } catch (NumberFormatException e) {
          length = 0;
        }
      }
    }
    try {
      byte[] body = in.readNBytes(Math.max(0, Math.min(length, MAX_REFUSAL_BODY)));
      return new String(body, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private void readLoop() {
    String reason;
    try {
      while (true) {
        int size = in.readInt();
        try {
          Frame.checkSize(Integer.toUnsignedLong(size), maxFrame);
        } catch (ProtocolException e) {
          connection.broken(e.getMessage());
          return;
        }
        byte[] frame = new byte[size];
        in.readFully(frame);
        connection.received(ByteBuffer.wrap(frame));
      }
    } catch (EOFException e) {
      reason = "closed";
    } catch (SocketTimeoutException e) {
      reason = "silent for " + soTimeout() + " ms";
    } catch (IOException e) {
      reason = "failed: " + e.getMessage();
    }
    connection.ended(reason);
  }

  private int soTimeout() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return 0;
    }
  }

  private void writeLoop() {
    try {
      while (true) {
        Pending next = queue.take();
        if (next == CLOSE) {
          socket.close();
          return;
        }
        ByteBuffer frame = next.frame();
        try {
          out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        } catch (IOException e) {
          failAll(next, e);
          return;
        }
        next.sent().run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private void failAll(Pending first, IOException cause) {
    disconnect();
    first.failed().accept(cause);
    Pending rest;
    while ((rest = queue.poll()) != null) {
      if (rest != CLOSE) {
        rest.failed().accept(cause);
      }
    }
  }

  @Override
  public void send(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {
    if (closing || !frame.hasArray()) {
      failed.accept(new IOException(closing ? "link closed" : "frame not on the heap"));
      return;
    }
    queue.add(new Pending(frame, sent, failed));
  }

  @Override
  public void settle(int settledMaxFrame, Duration idleTimeout) {
    maxFrame = settledMaxFrame;
    try {
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis()));
    } catch (IOException e) {
      disconnect();
    }
  }

  @Override
  public void close(int code, String reason) {
    closing = true;
    queue.add(CLOSE);
  }

  @Override
  public void disconnect() {
    closing = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
    queue.add(CLOSE);
  }

  private record Pending(ByteBuffer frame, Runnable sent, Consumer<Throwable> failed) {}
}
