package dev.cam.plugin.api.auth;

import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.Responses;
import dev.cam.plugin.api.http.SecurityHeaders;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of every request: security headers, CORS for the configured origins (preflights answered
 * here), the rate limit on wrong tokens (counted per {@link ClientKey}), and the bearer token. A
 * WebSocket upgrade without a token passes, marked unauthenticated, so the socket can take the
 * token as its first message.
 */
public final class AccessGuard extends Handler.Wrapper {
  /** Request attribute set to {@code true} once the request presented the right token. */
  public static final String AUTHENTICATED = "cam.authenticated";

  public static final String WS_PATH = "/api/ws";
  private static final String HEALTH_PATH = "/api/system/health";

  private final TokenCheck tokens;
  private final FailedAttempts failures;
  private final Set<String> origins;
  private final boolean healthOpen;
  private final Json json;

  public AccessGuard(
      TokenCheck tokens,
      FailedAttempts failures,
      List<String> origins,
      boolean healthOpen,
      Json json,
      Handler next) {
    super(next);
    this.tokens = tokens;
    this.failures = failures;
    this.origins = Set.copyOf(origins);
    this.healthOpen = healthOpen;
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    SecurityHeaders.apply(response.getHeaders());
    String path = Request.getPathInContext(request);
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    boolean allowedOrigin = origin != null && origins.contains(origin);
    if (allowedOrigin) {
      response.getHeaders().put("Access-Control-Allow-Origin", origin);
      response.getHeaders().put("Access-Control-Expose-Headers", "Location, Retry-After");
      response.getHeaders().add(HttpHeader.VARY, "Origin");
    }
    if (isPreflight(request)) {
      return preflight(request, allowedOrigin, origin, path, response, callback);
    }
    if (path.equals(WS_PATH) && origin != null && !allowedOrigin && !sameOrigin(request, origin)) {
      return refuse(
          request,
          403,
          "forbidden-origin",
          "origin " + origin + " may not open the WebSocket" + ": add it to server.cors_origins",
          path,
          response,
          callback,
          Map.of());
    }
    if (healthOpen && path.equals(HEALTH_PATH)) {
      return super.handle(request, response, callback);
    }
    return authenticate(request, response, callback, path);
  }

  private boolean authenticate(Request request, Response response, Callback callback, String path)
      throws Exception {
    String client = ClientKey.of(request);
    long wait = failures.blockedFor(client);
    if (wait > 0) {
      return refuse(
          request,
          429,
          "too-many-attempts",
          "too many wrong tokens from "
              + client
              + ": wait "
              + wait
              + " s, then use the token from the server's config directory",
          path,
          response,
          callback,
          Map.of("Retry-After", Long.toString(wait)));
    }
    String token = Bearer.token(request);
    if (token == null && path.equals(WS_PATH)) {
      token = Request.extractQueryParameters(request).getValue("token");
      if (token == null && isUpgrade(request)) {
        return super.handle(request, response, callback);
      }
    }
    if (token == null) {
      return refuse(
          request,
          401,
          "unauthorized",
          "this request needs 'Authorization: Bearer <token>'"
              + "; the token is in server.token in CAM's config directory ('cam config get"
              + " server.token')",
          path,
          response,
          callback,
          Map.of("WWW-Authenticate", "Bearer"));
    }
    if (!tokens.matches(token)) {
      failures.failed(client);
      return refuse(
          request,
          401,
          "unauthorized",
          "the token is wrong: use the one in server.token in"
              + " CAM's config directory ('cam config get server.token')",
          path,
          response,
          callback,
          Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
    request.setAttribute(AUTHENTICATED, Boolean.TRUE);
    return super.handle(request, response, callback);
  }

  private boolean preflight(
      Request request,
      boolean allowed,
      String origin,
      String path,
      Response response,
      Callback callback) {
    if (!allowed) {
      return refuse(
          request,
          403,
          "forbidden-origin",
          "origin " + origin + " is not allowed" + ": add it to server.cors_origins",
          path,
          response,
          callback,
          Map.of());
    }
    Responses.write(
        response,
        callback,
        204,
        null,
        null,
        Map.of(
            "Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS",
            "Access-Control-Allow-Headers", "Authorization, Content-Type",
            "Access-Control-Max-Age", "600"));
    return true;
  }

  private boolean refuse(
      Request request,
      int status,
      String slug,
      String detail,
      String path,
      Response response,
      Callback callback,
      Map<String, String> headers) {
    String title =
        switch (status) {
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          default -> "Too many requests";
        };
    Responses.closeIfUnread(request, response);
    Responses.problem(
        response, callback, json, new Problem(status, slug, title, detail), path, headers);
    return true;
  }

  private static boolean isPreflight(Request request) {
    return request.getMethod().equals("OPTIONS")
        && request.getHeaders().get(HttpHeader.ORIGIN) != null
        && request.getHeaders().get("Access-Control-Request-Method") != null;
  }

  private static boolean isUpgrade(Request request) {
    String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /**
   * Whether the page that opens the socket was served by this server: directly (its {@code Host}),
   * or through the relay, whose {@code X-Forwarded-Proto} and {@code -Host} name the address the
   * browser used. A browser cannot set these headers on a WebSocket upgrade, so a foreign page
   * cannot claim them.
   */
  private static boolean sameOrigin(Request request, String origin) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host != null && (origin.equals("http://" + host) || origin.equals("https://" + host))) {
      return true;
    }
    String forwardedHost = request.getHeaders().get("X-Forwarded-Host");
    String proto = request.getHeaders().get("X-Forwarded-Proto");
    return ClientKey.viaRelay(request)
        && forwardedHost != null
        && proto != null
        && origin.equalsIgnoreCase(proto.trim() + "://" + forwardedHost.trim());
  }
}
