package dev.cam.distribution.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a phone or a remote CLI does: REST and the event WebSocket, with the server's token. */
final class Client {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(URI uri, String token) throws IOException, InterruptedException {
    HttpResponse<String> response = get(uri, token);
    if (response.statusCode() != 200) {
      throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Opens {@code api/ws} under {@code base}, authenticates by first message. */
  Events follow(URI base, String query, String token) throws Exception {
    URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + "api/ws" + query);
    Events events = new Events();
    WebSocket socket = http.newWebSocketBuilder().buildAsync(uri, events).get(20, TimeUnit.SECONDS);
    socket
        .sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true)
        .get(5, TimeUnit.SECONDS);
    return events;
  }

  /** The frames of one event WebSocket, parsed. */
  static final class Events implements WebSocket.Listener {
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (IOException e) {
          closed.completeExceptionally(e);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.complete("error " + error);
    }

    /** The event frames up to the {@code ready} frame, which ends the replay. */
    List<JsonNode> untilReady() throws InterruptedException {
      List<JsonNode> events = new ArrayList<>();
      while (true) {
        JsonNode frame = frames.poll(30, TimeUnit.SECONDS);
        if (frame == null) {
          throw new AssertionError("no ready frame; got " + events);
        }
        if (frame.path("type").asText().equals("ready")) {
          events.add(frame);
          return events;
        }
        events.add(frame);
      }
    }
  }
}
