package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.testing.Await;
import dev.cam.relay.testing.LinkedServer;
import dev.cam.relay.testing.OriginServer;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that stop reading must not make the relay (or the server link) buffer without bound. */
class SlowClientIT {
  static final int WINDOW = 256 * 1024;
  static final int PAYLOAD = 64 * 1024;
  static final long BUDGET = 3L * (WINDOW + PAYLOAD);

  @TempDir static Path dir;
  static RelayServer relay;
  static OriginServer origin;
  static LinkedServer server;
  static URI base;

  @BeforeAll
  static void start() throws Exception {
    origin = new OriginServer("alpha", Files.writeString(dir.resolve("index.html"), "x"));
    relay =
        new RelayServer(
            RelayConfig.local("127.0.0.1", 0)
                .withLimits(RelayLimits.defaults().withBuffers(BUDGET, WINDOW)));
    relay.start();
    server =
        new LinkedServer(
            LinkedServer.settings(relay.uri(), origin.origin()), ServerIdentity.generate());
    base = server.awaitConnected();
  }

  @BeforeEach
  void noStreamsLeft() {
    Await.until(
        Duration.ofSeconds(10),
        () -> relay.metrics().streams() == 0 && relay.metrics().bufferedBytes() == 0,
        () -> "streams of the previous test to end: " + relay.metrics());
  }

  @AfterAll
  static void stop() {
    server.close();
    relay.close();
    origin.close();
  }

  /** Asks for a huge download on a raw socket, reads its first bytes, then stops reading. */
  private static Socket stalledDownload() throws Exception {
    Socket socket = new Socket("127.0.0.1", relay.port());
    socket.setReceiveBufferSize(64 * 1024);
    String request =
        "GET "
            + base.getRawPath()
            + "download?bytes="
            + (4L << 30)
            + " HTTP/1.1\r\nHost: x\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    assertEquals(16 * 1024, in.readNBytes(16 * 1024).length);
    return socket;
  }

  private static long settledDownload() {
    long[] last = {-1};
    Await.until(
        Duration.ofSeconds(30),
        () -> {
          long now = origin.downloaded();
          boolean settled = now == last[0];
          last[0] = now;
          if (!settled) {
            sleep(500);
          }
          return settled;
        },
        () -> "the origin to stop writing");
    return last[0];
  }

  @Test
  void stalledClientStopsTheOriginAndStaysWithinTheBudget() throws Exception {
    try (Socket socket = stalledDownload()) {
      long written = settledDownload();
      assertTrue(socket.isConnected());
      RelayMetrics metrics = relay.metrics();
      System.out.printf(
          "stalled client: origin wrote %d bytes, relay holds %d (peak %d), link queues %d%n",
          written, metrics.bufferedBytes(), metrics.peakBufferedBytes(), server.link.queuedBytes());

      assertTrue(
          metrics.bufferedBytes() <= metrics.reservedBytes(),
          "relay holds " + metrics.bufferedBytes() + " bytes, more than it reserved");
      assertTrue(metrics.peakBufferedBytes() <= BUDGET, "peak " + metrics.peakBufferedBytes());
      assertTrue(
          server.link.queuedBytes() <= WINDOW + PAYLOAD,
          "server link queues " + server.link.queuedBytes());
      // What left the origin sits in socket buffers and one window, not in a growing heap.
      assertTrue(written < 64L * 1024 * 1024, "origin wrote " + written + " bytes");
    }
    Await.until(
        Duration.ofSeconds(10),
        () -> relay.metrics().streams() == 0 && relay.metrics().reservedBytes() == 0,
        () -> "the abandoned stream to end: " + relay.metrics());
    assertEquals(0, relay.metrics().bufferedBytes());
  }

  @Test
  void streamsBeyondTheBudgetAreRefusedInsteadOfBuffered() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      String refusal = null;
      for (int i = 0; i < 10 && refusal == null; i++) {
        Socket socket = new Socket("127.0.0.1", relay.port());
        stalled.add(socket);
        String request =
            "GET "
                + base.getRawPath()
                + "download?bytes="
                + (4L << 30)
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        if (head.endsWith("503")) {
          refusal = new String(socket.getInputStream().readNBytes(400), StandardCharsets.US_ASCII);
        }
      }
      assertTrue(refusal != null && refusal.contains("memory budget"), "refusal: " + refusal);
      assertTrue(stalled.size() > 1, "the first stalled download fits the budget");
      assertTrue(relay.metrics().peakBufferedBytes() <= BUDGET);
      assertTrue(relay.metrics().reservedBytes() <= BUDGET);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
