package dev.cam.plugin.api.ws;

import dev.cam.api.Agents;
import dev.cam.api.InvalidInputException;
import dev.cam.plugin.api.auth.AccessGuard;
import dev.cam.plugin.api.auth.ClientKey;
import dev.cam.plugin.api.auth.FailedAttempts;
import dev.cam.plugin.api.auth.TokenCheck;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Problems;
import dev.cam.plugin.api.http.Responses;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Makes a socket per upgrade of {@code /api/ws?agent_id=&since=}; a bad parameter or unknown agent
 * is answered with a problem instead of an upgrade.
 */
public final class EventSockets implements WebSocketCreator {
  private final EventHub hub;
  private final Agents agents;
  private final TokenCheck tokens;
  private final FailedAttempts failures;
  private final WsLimits limits;
  private final Json json;

  public EventSockets(
      EventHub hub,
      Agents agents,
      TokenCheck tokens,
      FailedAttempts failures,
      WsLimits limits,
      Json json) {
    this.hub = hub;
    this.agents = agents;
    this.tokens = tokens;
    this.failures = failures;
    this.limits = limits;
    this.json = json;
  }

  @Override
  public Object createWebSocket(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    try {
      Fields query = Request.extractQueryParameters(request);
      String agent = query.getValue("agent_id");
      String agentId = agent == null || agent.isBlank() ? null : agents.find(agent.trim()).id();
      Long since = since(query.getValue("since"));
      boolean authenticated = Boolean.TRUE.equals(request.getAttribute(AccessGuard.AUTHENTICATED));
      SocketAuth auth = new SocketAuth(authenticated, tokens, failures, ClientKey.of(request));
      return new EventSocket(hub, auth, agentId, since, limits);
    } catch (RuntimeException e) {
      Responses.problem(
          response, callback, json, Problems.of(e), Request.getPathInContext(request));
      return null;
    }
  }

  private static Long since(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(
        "since='" + text + "' is not valid: use the last event sequence number you received");
  }
}
