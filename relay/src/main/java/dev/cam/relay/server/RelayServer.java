package dev.cam.relay.server;

import dev.cam.relay.RelayException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The relay: one Jetty server with one listener (plain or TLS). Servers connect to {@code
 * /_relay/link}; clients use {@code /s/<server-id>/...}. Start it once, close it once.
 */
public final class RelayServer implements AutoCloseable {
  private final RelayConfig config;
  private final ScheduledExecutorService timers;
  private final RelayRuntime runtime;
  private final Server server;
  private final ServerConnector connector;

  /** Builds the relay; nothing listens until {@link #start}. */
  public RelayServer(RelayConfig config) {
    this.config = config;
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "relay-timer");
              thread.setDaemon(true);
              return thread;
            });
    this.runtime = new RelayRuntime(config, timers);
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("relay");
    this.server = new Server(threads);
    this.connector = connector(server, config);
    connector.addEventListener(runtime.perIp);
    server.addConnector(connector);
    WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server);
    webSockets.setHandler(new RelayHandler(runtime));
    server.setHandler(webSockets);
    server.setStopTimeout(2000);
    runtime.container(webSockets.getServerWebSocketContainer());
  }

  private static ServerConnector connector(Server server, RelayConfig config) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector;
    if (config.tls().enabled()) {
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      SslContextFactory.Server tls = TlsContexts.server(config.tls());
      connector = new ServerConnector(server, tls, new HttpConnectionFactory(http));
    } else {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    }
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.limits().idleTimeout().toMillis());
    return connector;
  }

  /**
   * Binds the listener and starts the heartbeat.
   *
   * @throws RelayException if the port is taken or the TLS material cannot be loaded
   */
  public void start() {
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new RelayException(
          "cannot start the relay on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e.getMessage(),
          e);
    }
    long ping = config.limits().pingInterval().toMillis();
    timers.scheduleAtFixedRate(this::heartbeat, ping, ping, TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
    for (LinkSession link : runtime.registry.all()) {
      try {
        link.heartbeat();
      } catch (RuntimeException e) {
        link.closed("heartbeat failed: " + e.getMessage());
      }
    }
  }

  /** Returns the bound port (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Returns the base URI clients and servers use, e.g. {@code https://127.0.0.1:8443/}. */
  public URI uri() {
    String scheme = config.tls().enabled() ? "https" : "http";
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create(scheme + "://" + host + ":" + port() + "/");
  }

  /** Returns the current counters. */
  public RelayMetrics metrics() {
    return runtime.metrics();
  }

  /** Stops listening, drops every link and stream. */
  @Override
  public void close() {
    timers.shutdownNow();
    try {
      server.stop();
    } catch (Exception e) {
      throw new RelayException("relay did not stop cleanly: " + e.getMessage(), e);
    }
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }
}
