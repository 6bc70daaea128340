package dev.cam.relay.server;

import dev.cam.relay.protocol.Header;
import dev.cam.relay.protocol.StreamResponse;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Completes a client's WebSocket upgrade once the CAM server accepted it. */
final class ClientUpgrades {
  private final RelayRuntime runtime;

  ClientUpgrades(RelayRuntime runtime) {
    this.runtime = runtime;
  }

  /** Answers 101 to the client with the server's subprotocol; false if Jetty refused. */
  boolean upgrade(
      Request request,
      Response response,
      Callback callback,
      StreamResponse answer,
      WebSocketExchange socket) {
    String protocol = answer.header("Sec-WebSocket-Protocol");
    List<Header> others =
        answer.headers().stream()
            .filter(h -> !h.name().equalsIgnoreCase("Sec-WebSocket-Protocol"))
            .toList();
    return runtime
        .container()
        .upgrade(
            (upgradeRequest, upgradeResponse, upgradeCallback) -> {
              if (protocol != null) {
                upgradeResponse.setAcceptedSubProtocol(protocol);
              }
              Forwarding.copyResponseHeaders(others, upgradeResponse.getHeaders());
              return socket;
            },
            request,
            response,
            callback);
  }
}
