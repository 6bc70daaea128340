package dev.cam.relay.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in front of a relay on 127.0.0.1 and answers a stream link's upgrade as a relay of the
 * first release did (HTTP 400: connect with a WebSocket); every other connection is passed to the
 * relay byte for byte. Links through it must fall back to a WebSocket.
 */
public final class FirstReleaseRelay implements AutoCloseable {
  private static final byte[] REFUSAL_BODY =
      "this is the relay's server link endpoint; CAM servers connect here with a WebSocket"
          .getBytes(StandardCharsets.UTF_8);

  /** Stream link upgrades answered with 400. */
  public final AtomicInteger refusedStreamLinks = new AtomicInteger();

  private final URI relay;
  private final ServerSocket listener;

  public FirstReleaseRelay(URI relay) throws IOException {
    this.relay = relay;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "first-release-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread connection = new Thread(() -> serve(client), "first-release-relay-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      byte[] head = head(client.getInputStream());
      String text = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
      if (text.contains("\nupgrade: cam-relay-link")) {
        refusedStreamLinks.incrementAndGet();
        OutputStream out = client.getOutputStream();
        out.write(
            ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: "
                    + REFUSAL_BODY.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(REFUSAL_BODY);
        out.flush();
        return;
      }
      try (Socket upstream = new Socket(relay.getHost(), relay.getPort())) {
        upstream.getOutputStream().write(head);
        Thread back = new Thread(() -> pump(upstream, client), "first-release-relay-back");
        back.setDaemon(true);
        back.start();
        pump(client, upstream);
        back.join();
      }
    } catch (IOException | InterruptedException e) {
      // one connection ends; the others go on
    }
  }

  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before a request head");
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toByteArray();
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // both ends go
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
