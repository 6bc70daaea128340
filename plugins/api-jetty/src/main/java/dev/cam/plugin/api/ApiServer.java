package dev.cam.plugin.api;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.auth.AccessGuard;
import dev.cam.plugin.api.auth.FailedAttempts;
import dev.cam.plugin.api.auth.TokenCheck;
import dev.cam.plugin.api.http.ApiHandler;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.ProblemErrorHandler;
import dev.cam.plugin.api.http.Router;
import dev.cam.plugin.api.push.PushSender;
import dev.cam.plugin.api.push.WebPush;
import dev.cam.plugin.api.route.ApiRoutes;
import dev.cam.plugin.api.web.WebApp;
import dev.cam.plugin.api.ws.EventHub;
import dev.cam.plugin.api.ws.EventSockets;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The Jetty server: web app files at {@code /} → guard (headers, CORS, token) → WebSocket upgrade
 * for {@code /api/ws} → routes. Lifecycle: {@link #start()} once, {@link #stop()} once; stopping
 * lets requests in progress finish for up to five seconds and closes WebSocket clients with 1001.
 */
final class ApiServer {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private final Server server;
  private final ServerConnector connector;
  private final EventHub hub;
  private final WebPush push;

  ApiServer(PlatformContext context, ApiSettings settings, String token) {
    Json json = new Json();
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("cam-api");
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    connector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .setSendServerVersion(false);
    server.addConnector(connector);
    TokenCheck tokens = new TokenCheck(token);
    FailedAttempts failures =
        new FailedAttempts(
            settings.maxFailures(),
            settings.maxFailures() * ApiSettings.CEILING_FACTOR,
            settings.failureWindow());
    push = new WebPush(context, PushSender.standard());
    hub = new EventHub(context.events(), json, threads, settings.pingInterval());
    EventSockets sockets =
        new EventSockets(hub, context.agents(), tokens, failures, settings.ws(), json);
    WebSocketUpgradeHandler upgrade =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setIdleTimeout(settings.pingInterval().multipliedBy(4));
              container.setMaxTextMessageSize(64 * 1024);
              container.addMapping(AccessGuard.WS_PATH, sockets);
            });
    upgrade.setHandler(
        new ApiHandler(
            new Router(new ApiRoutes(context, json, push).all()), json, settings.maxBodyBytes()));
    AccessGuard guard =
        new AccessGuard(
            tokens, failures, settings.corsOrigins(), settings.healthOpen(), json, upgrade);
    server.setHandler(new GracefulHandler(new WebApp(guard)));
    server.setErrorHandler(new ProblemErrorHandler(json));
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    server.setStopAtShutdown(false);
  }

  void start() throws Exception {
    hub.start();
    push.start();
    try {
      server.start();
    } catch (Exception e) {
      push.stop();
      hub.stop();
      server.stop();
      throw e;
    }
  }

  void stop() throws Exception {
    push.stop();
    hub.stop();
    server.stop();
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:8420/api}. */
  URI uri() {
    String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + connector.getLocalPort() + "/api");
  }

  /**
   * The origin to reach it from this machine, e.g. {@code http://127.0.0.1:8420/}: a wildcard bind
   * address is reached on loopback.
   */
  URI localOrigin() {
    String host = connector.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + connector.getLocalPort() + "/");
  }

  int clients() {
    return hub.size();
  }
}
