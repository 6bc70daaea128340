package dev.cam.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client on the JDK's {@link WebSocket} that keeps every frame it receives. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  final CompletableFuture<Void> pong = new CompletableFuture<>();
  private final boolean reading;
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  volatile int closeCode = -1;

  private WsClient(boolean reading) {
    this.reading = reading;
  }

  /** Connects and reads every frame as it comes. */
  static WsClient open(URI uri, Map<String, String> headers) {
    return open(uri, headers, true);
  }

  /**
   * @param reading false to read nothing until {@link #readAll()}, like a stalled client
   */
  static WsClient open(URI uri, Map<String, String> headers, boolean reading) {
    WsClient client = new WsClient(reading);
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    headers.forEach(builder::header);
    client.socket = builder.buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
    return client;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    if (reading) {
      webSocket.request(1);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        frames.add(ApiClient.JSON.readTree(partial.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    pong.complete(null);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode = statusCode;
    closed.complete(reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void ping() {
    socket.sendPing(ByteBuffer.allocate(0)).join();
  }

  /** Starts reading after a stall. */
  void readAll() {
    socket.request(Long.MAX_VALUE);
  }

  /** The next frame, failing after the timeout. */
  JsonNode next(Duration timeout) throws InterruptedException {
    JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (frame == null) {
      throw new AssertionError("no frame within " + timeout);
    }
    return frame;
  }

  /** Frames until one of {@code type}, which is returned. */
  JsonNode until(String type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (frame.get("type").asText().equals(type)) {
        return frame;
      }
    }
  }

  /** Sequence numbers of event and log frames until one at or past {@code lastSeq}. */
  List<Long> seqsUntil(long lastSeq, Duration timeout) throws InterruptedException {
    List<Long> seqs = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < lastSeq) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("stopped at " + seqs.size() + " frames before seq " + lastSeq);
      }
      JsonNode frame = next(Duration.ofNanos(left));
      if (frame.has("seq")) {
        seqs.add(frame.get("seq").asLong());
      }
    }
    return seqs;
  }

  @Override
  public void close() {
    WebSocket s = socket;
    if (s != null && !s.isOutputClosed()) {
      s.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    if (s != null) {
      s.abort();
    }
  }
}
