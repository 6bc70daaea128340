package dev.cam.relay.testing;

import dev.cam.relay.identity.RegistrationProof;
import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.protocol.Frame;
import dev.cam.relay.protocol.Hello;
import dev.cam.relay.protocol.Register;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A hand-driven server link, for registrations a real ServerLink would never send. */
public final class RawLink implements WebSocket.Listener, AutoCloseable {
  public final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  public final CompletableFuture<String> closed = new CompletableFuture<>();
  private ByteBuffer partial = ByteBuffer.allocate(0);
  public WebSocket socket;

  public static RawLink connect(URI relay) throws Exception {
    RawLink link = new RawLink();
    URI uri = URI.create(relay.toString().replaceFirst("^http", "ws") + "_relay/link");
    link.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, link)
            .get(10, TimeUnit.SECONDS);
    return link;
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
    socket.sendBinary(frame.encode(), true).get(5, TimeUnit.SECONDS);
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
      frames.add(Frame.decode(partial, 1 << 24));
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
    socket.abort();
  }
}
