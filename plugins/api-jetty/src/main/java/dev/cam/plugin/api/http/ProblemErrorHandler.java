package dev.cam.plugin.api.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty itself answers (a malformed or ambiguous URI, headers too large) as {@code
 * application/problem+json} like every other error, without stack traces.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  private final Json json;

  public ProblemErrorHandler(Json json) {
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Object message = request.getAttribute(ERROR_MESSAGE);
    Problem problem = problem(status, message == null ? null : message.toString());
    SecurityHeaders.apply(response.getHeaders());
    Responses.problem(response, callback, json, problem, Request.getPathInContext(request));
    return true;
  }

  private static Problem problem(int status, String reason) {
    String title = HttpStatus.getMessage(status);
    String detail =
        (reason == null || reason.isBlank() ? title : reason)
            + (status < 500 ? ": correct the request" : ": see the server's log");
    return new Problem(status, "http-" + status, title, detail);
  }
}
