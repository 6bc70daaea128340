package dev.cam.plugin.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the route for a method and path. Literal segments win over placeholders only by order:
 * routes are tried in the order given, so list {@code /api/tasks/apply} before {@code
 * /api/tasks/{id}}. Immutable; safe from any thread.
 */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * The route for this request.
   *
   * @throws ProblemException 404 when no template fits the path, 405 (with the allowed methods)
   *     when templates fit but not for this method
   */
  public Resolution resolve(String method, String path) {
    List<String> segments = Paths.segments(path);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = route.match(segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Resolution(route, params);
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw new ProblemException(
          Problem.notFound(
              "no API route "
                  + path
                  + ": see GET /api/openapi.json for the routes this server offers"));
    }
    throw new MethodNotAllowedException(method, path, new ArrayList<>(allowed));
  }

  /** The methods some route accepts at this path (empty when none). */
  public List<String> allowed(String path) {
    List<String> segments = Paths.segments(path);
    return routes.stream()
        .filter(r -> r.match(segments) != null)
        .map(Route::method)
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * A matched route and its placeholders' values.
   *
   * @param route the route
   * @param params decoded placeholder values by name
   */
  public record Resolution(Route route, Map<String, String> params) {
    public Resolution {
      params = Map.copyOf(params);
    }
  }
}
