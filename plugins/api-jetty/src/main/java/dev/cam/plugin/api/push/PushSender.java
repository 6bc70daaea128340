package dev.cam.plugin.api.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Posts one encrypted message to a push service (RFC 8030) with the JDK's HTTP client and returns
 * its status code. The message lives a day at the service; waiting for input is urgent.
 */
public final class PushSender {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final Supplier<HttpClient> factory;
  private HttpClient http;

  /** Makes its client on the first message: a server nobody subscribes to starts no threads. */
  public PushSender(Supplier<HttpClient> factory) {
    this.factory = factory;
  }

  public static PushSender standard() {
    return new PushSender(
        () ->
            HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
  }

  private synchronized HttpClient http() {
    if (http == null) {
      http = factory.get();
    }
    return http;
  }

  int send(URI endpoint, byte[] body, String authorization, String status) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Authorization", authorization)
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("TTL", "86400")
            .header("Urgency", "waiting".equals(status) ? "high" : "normal")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("the push service did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending a push message", e);
    }
  }
}
