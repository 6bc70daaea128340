package dev.cam.relay.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Servers' way in: {@code /_relay/link} upgrades to a link WebSocket, within per-IP limits. */
final class LinkAcceptor {
  static final String PATH = "/_relay/link";

  private final RelayRuntime runtime;

  LinkAcceptor(RelayRuntime runtime) {
    this.runtime = runtime;
  }

  void handle(Request request, Response response, Callback callback) {
    if (!ClientGateway.isWebSocketUpgrade(request)) {
      Replies.text(
          response,
          callback,
          400,
          "this is the relay's server link endpoint; CAM servers connect here with a WebSocket");
      return;
    }
    String ip = Request.getRemoteAddr(request);
    if (!runtime.perIp.tryBeginHandshake(ip)) {
      Replies.text(response, callback, 429, "too many pending registrations from " + ip);
      return;
    }
    Runnable ended = new Once(() -> runtime.perIp.endHandshake(ip));
    LinkEndpoint endpoint = new LinkEndpoint(runtime, Request.getServerName(request), ended);
    Callback watched =
        Callback.from(
            callback::succeeded,
            failure -> {
              ended.run();
              callback.failed(failure);
            });
    boolean upgraded;
    try {
      upgraded = runtime.container().upgrade((rq, rs, cb) -> endpoint, request, response, watched);
    } catch (RuntimeException e) {
      ended.run();
      throw e;
    }
    if (!upgraded) {
      ended.run();
      Replies.text(response, callback, 400, "not a valid WebSocket upgrade");
    }
  }

  /** Runs its action the first time only. */
  private static final class Once implements Runnable {
    private final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable action;

    Once(Runnable action) {
      this.action = action;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        action.run();
      }
    }
  }
}
