package dev.cam.relay.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Routes requests: server links, clients of a server, the relay's health and metrics. */
final class RelayHandler extends Handler.Abstract {
  private final RelayRuntime runtime;
  private final LinkAcceptor links;
  private final ClientGateway clients;

  RelayHandler(RelayRuntime runtime) {
    this.runtime = runtime;
    this.links = new LinkAcceptor(runtime);
    this.clients = new ClientGateway(runtime);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if (path.startsWith(ClientGateway.PREFIX)) {
      clients.handle(request, response, callback);
    } else if (path.equals(LinkAcceptor.PATH)) {
      links.handle(request, response, callback);
    } else if (path.equals("/_relay/health")) {
      Replies.text(response, callback, 200, "ok");
    } else if (path.equals("/_relay/metrics") && runtime.config.metricsEndpoint()) {
      Replies.json(response, callback, runtime.metrics().toJson());
    } else {
      Replies.text(
          response,
          callback,
          404,
          "this is a CAM relay; reach a CAM server at /s/<server-id>/ (its id is printed by the"
              + " server when its relay link connects)");
    }
    return true;
  }
}
