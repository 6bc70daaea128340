package dev.cam.plugin.cli.remote;

import dev.cam.api.CamException;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a CAM server's REST API with its bearer token: plain requests over {@link
 * HttpURLConnection}, the WebSocket over the JDK's {@link HttpClient}. Paths are relative to the
 * base URL, so a server behind a relay ({@code https://relay/s/<id>/}) or any path prefix works.
 * Answers are parsed JSON; failures become {@link CamException}s that say what to do ({@link
 * Problems}).
 */
public final class ApiClient {
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final Duration ANSWER = Duration.ofSeconds(60);

  private final URI base;
  private final String token;
  // made on first use: building one costs more start-up time than a plain request (it sets up
  // TLS even for http URLs), and only the WebSocket needs it
  private HttpClient http;

  /**
   * @param base the server's URL, e.g. {@code http://host:8420} or {@code https://relay/s/id/}
   * @param token the server's API token, or null
   */
  public ApiClient(String base, String token) {
    this.base = ServerUrl.base(base);
    this.token = token;
  }

  public URI base() {
    return base;
  }

  String token() {
    return token;
  }

  synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    }
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

  /**
   * A {@code PATCH}, which {@link HttpURLConnection} can't send: it goes through the JDK's {@link
   * HttpClient}, worth its start-up cost for this rare call.
   */
  public Object patch(String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(ANSWER)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> answer =
          http().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() >= 300) {
        throw Problems.of(label(), answer.statusCode(), answer.body());
      }
      return answer.body().isBlank() ? null : parse(answer.body());
    } catch (IOException e) {
      throw Problems.unreachable(label(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CamException("interrupted while waiting for " + label());
    }
  }

  /** {@code text} for use as one path segment or query value. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Object send(String method, String path, Object body) {
    try {
      HttpURLConnection call = (HttpURLConnection) base.resolve(path).toURL().openConnection();
      call.setConnectTimeout((int) CONNECT.toMillis());
      call.setReadTimeout((int) ANSWER.toMillis());
      call.setUseCaches(false);
      call.setInstanceFollowRedirects(false);
      call.setRequestMethod(method);
      call.setRequestProperty("Accept", "application/json");
      if (token != null) {
        call.setRequestProperty("Authorization", "Bearer " + token);
      }
      if (body != null) {
        call.setDoOutput(true);
        call.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = call.getOutputStream()) {
          out.write(Json.write(body).getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = call.getResponseCode();
      String text = read(status >= 400 ? call.getErrorStream() : call.getInputStream());
      if (status >= 300) {
        throw Problems.of(label(), status, text);
      }
      return text.isBlank() ? null : parse(text);
    } catch (IOException e) {
      throw Problems.unreachable(label(), e);
    }
  }

  private static String read(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
