package dev.cam.distribution.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted OpenAI Responses API on 127.0.0.1 for Codex: the turn whose user message holds {@code
 * marker} is answered with one {@code exec_command} call that asks to run outside the sandbox (so
 * Codex shows its approval prompt); the request carrying that call's output gets a final text.
 * Every other request (Codex naming its session, requests without tools) gets a short text.
 */
final class MockResponsesApi implements AutoCloseable {
  static final String FINAL_TEXT = "Done: the file is written.";
  static final String CALL_ID = "call_cam_1";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String marker;
  private final String command;
  private final List<String> turns = new CopyOnWriteArrayList<>();

  /**
   * @param marker text that only the test's prompt contains
   * @param command the shell command the model asks to run
   */
  MockResponsesApi(String marker, String command) throws IOException {
    this.marker = marker;
    this.command = command;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL of a Codex {@code model_providers} entry. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** What was answered to the scripted turn so far: "function_call", then "final". */
  List<String> turns() {
    return List.copyOf(turns);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange.getRequestURI().getPath().endsWith("/responses")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      send(exchange, answer(json.readTree(body)));
    }
  }

  private String answer(JsonNode request) {
    boolean withTools = request.path("tools").size() > 0;
    String input = request.path("input").toString();
    if (withTools && hasOutputOfTheCall(request.path("input"))) {
      turns.add("final");
      return ResponsesStream.text("final", FINAL_TEXT);
    }
    if (withTools && input.contains(marker)) {
      turns.add("function_call");
      return ResponsesStream.functionCall(
          "call",
          CALL_ID,
          "exec_command",
          Map.of(
              "cmd", command,
              "sandbox_permissions", "require_escalated",
              "justification", "Do you want to write the file?"));
    }
    return ResponsesStream.text("other", "Write the file");
  }

  private static boolean hasOutputOfTheCall(JsonNode input) {
    for (JsonNode item : input) {
      if ("function_call_output".equals(item.path("type").asText())
          && CALL_ID.equals(item.path("call_id").asText())) {
        return true;
      }
    }
    return false;
  }

  private static void send(HttpExchange exchange, String events) throws IOException {
    byte[] bytes = events.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "text/event-stream");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
