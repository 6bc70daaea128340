package dev.cam.plugin.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One request as a route sees it: path placeholders, query parameters, and the body, read on demand
 * up to the size limit.
 */
public final class Exchange {
  private final Request request;
  private final Map<String, String> params;
  private final Json json;
  private final long maxBody;
  private Fields query;

  Exchange(Request request, Map<String, String> params, Json json, long maxBody) {
    this.request = request;
    this.params = params;
    this.json = json;
    this.maxBody = maxBody;
  }

  /** A path placeholder's decoded value. */
  public String param(String name) {
    String value = params.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no placeholder {" + name + "}");
    }
    return value;
  }

  /** A query parameter, or {@code null} when absent. */
  public String query(String name) {
    if (query == null) {
      query = Request.extractQueryParameters(request);
    }
    return query.getValue(name);
  }

  public String method() {
    return request.getMethod();
  }

  public String path() {
    return Request.getPathInContext(request);
  }

  public String header(String name) {
    return request.getHeaders().get(name);
  }

  /** The body as an object of {@code type}; a 400 problem saying what is wrong otherwise. */
  public <T> T body(Class<T> type) {
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new ProblemException(
          new Problem(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "the body is " + contentType + ": send application/json"));
    }
    return json.read(bytes(), type);
  }

  /** The raw body, refused with 413 when longer than the limit. */
  public byte[] bytes() {
    long declared = request.getLength();
    if (declared > maxBody) {
      throw tooLarge();
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
      if (data.length > maxBody) {
        throw tooLarge();
      }
      return data;
    } catch (IOException e) {
      throw new ProblemException(
          Problem.badRequest("the request body could not be read: " + e.getMessage()));
    }
  }

  private ProblemException tooLarge() {
    return new ProblemException(
        new Problem(
            413,
            "payload-too-large",
            "Payload too large",
            "the body is larger than " + maxBody + " bytes: send less"));
  }
}
