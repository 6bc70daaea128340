package dev.cam.plugin.api.http;

import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dispatches API requests to the router's routes and turns what they answer, or throw, into JSON
 * responses. Runs on server threads; routes may block briefly (store reads, session commands).
 */
public final class ApiHandler extends Handler.Abstract {
  private final Router router;
  private final Json json;
  private final long maxBody;

  public ApiHandler(Router router, Json json, long maxBody) {
    this.router = router;
    this.json = json;
    this.maxBody = maxBody;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    try {
      String trick = Paths.trick(request.getHttpURI().getPath());
      if (trick != null) {
        throw new ProblemException(
            new Problem(400, "path-rejected", "Path rejected", trick + ": use a plain path"));
      }
      if (request.getMethod().equals("OPTIONS")) {
        return options(path, response, callback);
      }
      Router.Resolution found = router.resolve(request.getMethod(), path);
      Reply reply =
          found.route().endpoint().handle(new Exchange(request, found.params(), json, maxBody));
      write(reply, response, callback);
    } catch (MethodNotAllowedException e) {
      Responses.closeIfUnread(request, response);
      Problem problem =
          new Problem(405, "method-not-allowed", "Method not allowed", e.getMessage());
      Responses.problem(
          response, callback, json, problem, path, Map.of("Allow", String.join(", ", e.allowed())));
    } catch (Exception e) {
      Responses.closeIfUnread(request, response);
      Responses.problem(response, callback, json, Problems.of(e), path);
    }
    return true;
  }

  private boolean options(String path, Response response, Callback callback) {
    var allowed = router.allowed(path);
    if (allowed.isEmpty()) {
      throw new ProblemException(Problem.notFound("no API route " + path));
    }
    Responses.write(
        response,
        callback,
        204,
        null,
        null,
        Map.of("Allow", String.join(", ", allowed) + ", OPTIONS"));
    return true;
  }

  private void write(Reply reply, Response response, Callback callback) {
    byte[] body =
        reply.body() == null
            ? null
            : reply.body() instanceof byte[] bytes ? bytes : json.write(reply.body());
    Responses.write(response, callback, reply.status(), reply.contentType(), body, reply.headers());
  }
}
