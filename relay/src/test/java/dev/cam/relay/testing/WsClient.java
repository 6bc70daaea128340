package dev.cam.relay.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that collects whole messages and the close it got. */
public final class WsClient implements WebSocket.Listener {
  public final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  public final CompletableFuture<String> closed = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private ByteBuffer binary = ByteBuffer.allocate(0);
  public WebSocket socket;

  public static WsClient connect(HttpClient client, URI uri, String token, String... protocols)
      throws Exception {
    return connectAsync(client, uri, token, protocols).get(10, TimeUnit.SECONDS);
  }

  /** Starts connecting; the future completes with the client once the handshake is done. */
  public static CompletableFuture<WsClient> connectAsync(
      HttpClient client, URI uri, String token, String... protocols) {
    WsClient listener = new WsClient();
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (protocols.length > 0) {
      builder.subprotocols(
          protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
    }
    return builder
        .buildAsync(uri, listener)
        .thenApply(
            socket -> {
              listener.socket = socket;
              return listener;
            });
  }

  /** Returns the next message within 10 s, or fails. */
  public Object next() throws InterruptedException {
    Object message = messages.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no WebSocket message within 10 s");
    }
    return message;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    ByteBuffer joined = ByteBuffer.allocate(binary.remaining() + data.remaining());
    binary = joined.put(binary).put(data).flip();
    if (last) {
      messages.add(binary);
      binary = ByteBuffer.allocate(0);
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
}
