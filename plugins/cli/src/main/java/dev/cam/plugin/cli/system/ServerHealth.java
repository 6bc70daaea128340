package dev.cam.plugin.cli.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.PlatformContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The running server's {@code /api/system/health}, asked on this machine with the server's token,
 * for {@code cam serve status}: what its front-ends report (the relay link's state and address).
 *
 * @param sections each front-end's report by id (e.g. {@code relay}); empty when not reachable
 * @param problem why the health could not be read, or null
 */
record ServerHealth(Map<String, Object> sections, String problem) {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  ServerHealth {
    sections = Map.copyOf(sections);
  }

  /** Asks the server at {@code server.host}:{@code server.port}. */
  static ServerHealth of(PlatformContext context) {
    String host = context.config().get("server.host").filter(h -> !h.isBlank()).orElse("127.0.0.1");
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1";
    }
    int port =
        context.config().get("server.port").isPresent()
            ? context.config().getInt("server.port")
            : 8420;
    URI uri = URI.create("http://" + host + ":" + port + "/api/system/health");
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
      token(context).ifPresent(t -> request.header("Authorization", "Bearer " + t));
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .build()
              .send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return new ServerHealth(Map.of(), uri + " answered " + response.statusCode());
      }
      return new ServerHealth(sections(response.body()), null);
    } catch (IOException e) {
      return new ServerHealth(Map.of(), "cannot read " + uri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ServerHealth(Map.of(), "interrupted");
    }
  }

  private static Optional<String> token(PlatformContext context) throws IOException {
    Optional<String> configured = context.config().get("server.token").filter(t -> !t.isBlank());
    if (configured.isPresent()) {
      return configured;
    }
    Path file = context.configDir().resolve("server.token");
    return Files.isReadable(file)
        ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim())
        : Optional.empty();
  }

  /** The objects in the health answer: one per front-end that reports a state. */
  private static Map<String, Object> sections(String body) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> out = new LinkedHashMap<>();
    json.readTree(body)
        .properties()
        .forEach(
            field -> {
              if (field.getValue().isObject()) {
                out.put(field.getKey(), json.convertValue(field.getValue(), Map.class));
              }
            });
    return out;
  }

  /** One line per section, e.g. {@code relay: connected https://relay/s/id/}. */
  String lines() {
    StringBuilder text = new StringBuilder();
    if (problem != null) {
      text.append("front-ends: unknown, ").append(problem).append('\n');
    }
    sections.forEach(
        (id, value) -> {
          Map<?, ?> section = (Map<?, ?>) value;
          text.append(id).append(": ").append(section.get("state"));
          if (section.get("url") != null) {
            text.append(' ').append(section.get("url"));
          }
          if (section.get("reason") != null) {
            text.append(" (").append(section.get("reason")).append(')');
          }
          text.append('\n');
        });
    return text.toString();
  }
}
