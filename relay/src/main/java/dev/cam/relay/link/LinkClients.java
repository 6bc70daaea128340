package dev.cam.relay.link;

import dev.cam.relay.RelayException;
import dev.cam.relay.wire.WebSocketFrames;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network clients of one {@link ServerLink}: the link to the relay (a {@link StreamWire}, or a
 * {@link WebSocketFrames} when the relay is of the first release; either trusts the relay's CA),
 * and, sharing one thread pool and one buffer pool, HTTP requests to the origin (read into pooled
 * buffers of a whole frame's size, passed on unchanged: no decoding, redirects or authentication of
 * their own), and the JDK client that continues WebSocket streams to the origin.
 */
final class LinkClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkClients.class);

  /** Origin reads of this size fill a whole DATA frame at the default frame size. */
  private static final int ORIGIN_READ = 64 * 1024;

  private final QueuedThreadPool threads = new QueuedThreadPool(64, 2);
  private final Scheduler scheduler = new ScheduledExecutorScheduler("relay-link-scheduler", true);

  /**
   * Pools buffers up to a whole link frame with its WebSocket header (Jetty's default is 64 KiB).
   */
  private final ByteBufferPool buffers = new ArrayByteBufferPool(0, -1, 128 * 1024);

  private final HttpClient relayHttp = new HttpClient();
  private final WebSocketClient relay = new WebSocketClient(relayHttp);
  private final HttpClient origin = new HttpClient();
  private final java.net.http.HttpClient originWebSockets;
  private final SSLContext relayTls;
  private final Duration connectTimeout;
  private final ExecutorService io;

  LinkClients(LinkSettings settings, ExecutorService io) {
    threads.setName("relay-link");
    threads.setDaemon(true);
    this.io = io;
    this.connectTimeout = settings.connectTimeout();
    this.relayTls = RelayTrust.context(settings.caFile());
    SslContextFactory.Client trust = new SslContextFactory.Client();
    trust.setSslContext(relayTls);
    relayHttp.setSslContextFactory(trust);
    relayHttp.setConnectTimeout(settings.connectTimeout().toMillis());
    relay.setConnectTimeout(settings.connectTimeout().toMillis());
    share(relayHttp);
    share(origin);
    origin.setConnectTimeout(Duration.ofSeconds(5).toMillis());
    origin.setFollowRedirects(false);
    origin.setUserAgentField(null);
    origin.getContentDecoderFactories().clear();
    origin.getProtocolHandlers().clear();
    origin.setResponseBufferSize(ORIGIN_READ);
    origin.setMaxConnectionsPerDestination(1024);
    // A stalled client stalls its origin response (flow control); that is not a dead connection.
    origin.setIdleTimeout(0);
    originWebSockets =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(io)
            .build();
    try {
      threads.start();
      scheduler.start();
      origin.start();
      relay.start();
    } catch (Exception e) {
      close();
      throw new RelayException("cannot start the relay link's HTTP clients: " + e.getMessage(), e);
    }
  }

  private void share(HttpClient client) {
    client.setExecutor(threads);
    client.setScheduler(scheduler);
    client.setByteBufferPool(buffers);
  }

  /**
   * Connects {@code connection} to the relay: a {@link StreamWire} first; a {@link WebSocketFrames}
   * when the relay (or a proxy in front of it) refuses that upgrade with a client error other than
   * 429, as a relay of the first release does. The future fails when neither connects; once one
   * does, the connection hears the rest.
   */
  CompletableFuture<Void> connect(URI linkUri, LinkConnection connection) {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    try {
      io.execute(() -> carry(linkUri, connection, connected));
    } catch (RejectedExecutionException e) {
      connected.completeExceptionally(e);
    }
    return connected;
  }

  private void carry(URI linkUri, LinkConnection connection, CompletableFuture<Void> connected) {
    StreamWire wire;
    try {
      wire =
          StreamWire.open(
              linkUri, relayTls, connectTimeout, connection, LinkConnection.HANDSHAKE_FRAME);
    } catch (StreamWire.Refused refused) {
      if (refused.status < 400 || refused.status >= 500 || refused.status == 429) {
        connected.completeExceptionally(refused);
        return;
      }
      LOG.debug("relay refused a stream link ({}); linking with a WebSocket", refused.getMessage());
      connectWebSocket(linkUri, connection)
          .whenComplete(
              (session, failure) -> {
                if (failure != null) {
                  connected.completeExceptionally(failure);
                } else {
                  connected.complete(null);
                }
              });
      return;
    } catch (java.io.IOException | RuntimeException e) {
      connected.completeExceptionally(e);
      return;
    }
    connected.complete(null);
    wire.run(io);
  }

  private CompletableFuture<Session> connectWebSocket(URI linkUri, LinkConnection connection) {
    try {
      return relay.connect(
          new WebSocketFrames(connection, LinkConnection.HANDSHAKE_FRAME, null),
          linkUri,
          new ClientUpgradeRequest());
    } catch (java.io.IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  Request newOriginRequest(URI uri) {
    return origin.newRequest(uri);
  }

  java.net.http.HttpClient originWebSockets() {
    return originWebSockets;
  }

  @Override
  public void close() {
    stop(relay);
    stop(relayHttp);
    stop(origin);
    stop(scheduler);
    stop(threads);
  }

  private static void stop(org.eclipse.jetty.util.component.LifeCycle component) {
    try {
      component.stop();
    } catch (Exception e) {
      // stopping: nothing left to do about it
    }
  }
}
