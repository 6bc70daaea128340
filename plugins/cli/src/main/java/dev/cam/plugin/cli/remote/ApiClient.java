package dev.cam.plugin.cli.remote;

import dev.cam.api.CamException;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.JsonReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a CAM server's REST API with the JDK client and its bearer token. Paths are relative to the
 * base URL, so a server behind a relay ({@code https://relay/s/<id>/}) or any path prefix works.
 * Answers are parsed JSON; failures become {@link CamException}s that say what to do ({@link
 * Problems}).
 */
public final class ApiClient {
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration ANSWER = Duration.ofSeconds(60);

  private final URI base;
  private final String token;
  private final HttpClient http;

  /**
   * @param base the server's URL, e.g. {@code http://host:8420} or {@code https://relay/s/id/}
   * @param token the server's API token, or null
   */
  public ApiClient(String base, String token) {
    this.base = ServerUrl.base(base);
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
  }

  public URI base() {
    return base;
  }

  String token() {
    return token;
  }

  HttpClient http() {
    return http;
  }

  /** The base URL as people gave it, for messages. */
  public String label() {
    return base.toString().replaceAll("/$", "");
  }

  public Object get(String path) {
    return send("GET", path, null);
  }

  public Object post(String path, Object body) {
    return send("POST", path, body);
  }

  public Object delete(String path) {
    return send("DELETE", path, null);
  }

  /** {@code text} for use as one path segment or query value. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Object send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(ANSWER)
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() >= 300) {
      throw Problems.of(label(), response);
    }
    String text = response.body();
    return text == null || text.isBlank() ? null : parse(text);
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw Problems.unreachable(label(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CamException("interrupted while waiting for " + label());
    }
  }

  private Object parse(String text) {
    try {
      return JsonReader.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CamException(
          label() + " did not answer like a CAM server (" + e.getMessage() + "): check the URL");
    }
  }
}
