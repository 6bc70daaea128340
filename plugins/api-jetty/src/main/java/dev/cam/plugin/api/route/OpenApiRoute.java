package dev.cam.plugin.api.route;

import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/openapi.json}, the hand-written OpenAPI 3 document shipped as a resource, and the
 * WebSocket's path for requests that are not upgrades.
 */
final class OpenApiRoute {
  static final String RESOURCE = "/dev/cam/plugin/api/openapi.json";

  private OpenApiRoute() {}

  static List<Route> routes() {
    byte[] document = load();
    return List.of(
        new Route(
            "GET",
            "/api/openapi.json",
            "This document",
            ex -> new Reply(200, document, "application/json", Map.of())),
        new Route("GET", "/api/ws", "Live events (WebSocket)", OpenApiRoute::notUpgrade));
  }

  private static Reply notUpgrade(Exchange ex) {
    throw new ProblemException(
        Problem.badRequest(
            "/api/ws is a WebSocket: connect with ws://…/api/ws?since=<seq> and the token"));
  }

  private static byte[] load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the plugin");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
