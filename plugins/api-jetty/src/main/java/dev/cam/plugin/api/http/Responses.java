package dev.cam.plugin.api.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes complete responses. */
public final class Responses {
  private Responses() {}

  public static void write(
      Response response,
      Callback callback,
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    response.setStatus(status);
    headers.forEach((name, value) -> response.getHeaders().put(name, value));
    if (body == null) {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * Asks for the connection to be closed after the response when the request's body was not read:
   * Jetty would close it anyway, and saying so keeps clients from reusing it.
   */
  public static void closeIfUnread(Request request, Response response) {
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    long length = request.getLength();
    if (chunked || length > 0 && Request.getContentBytesRead(request) < length) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
  }

  public static void problem(
      Response response, Callback callback, Json json, Problem problem, String instance) {
    problem(response, callback, json, problem, instance, Map.of());
  }

  public static void problem(
      Response response,
      Callback callback,
      Json json,
      Problem problem,
      String instance,
      Map<String, String> headers) {
    write(
        response,
        callback,
        problem.status(),
        Problem.MEDIA_TYPE,
        json.write(problem.body(instance)),
        headers);
  }
}
