package dev.cam.distribution.agents;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scripted Anthropic Messages API on 127.0.0.1: the turn whose user message holds {@code marker}
 * is answered with one Bash {@code tool_use}; the request carrying its result gets a final text.
 * Every other request (titles, quota checks, requests without tools) gets a short text, so the CLI
 * never waits on the network.
 */
final class MockAnthropicApi implements AutoCloseable {
  static final String FINAL_TEXT = "Done: the file is written.";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String marker;
  private final String command;
  private final List<String> turns = new CopyOnWriteArrayList<>();

  /**
   * @param marker text that only the test's prompt contains
   * @param command the shell command the model asks to run
   */
  MockAnthropicApi(String marker, String command) throws IOException {
    this.marker = marker;
    this.command = command;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What was answered to the scripted turn so far: "tool_use", then "final". */
  List<String> turns() {
    return List.copyOf(turns);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (exchange.getRequestURI().getPath().endsWith("/count_tokens")) {
        send(exchange, "application/json", "{\"input_tokens\":10}");
        return;
      }
      send(exchange, "text/event-stream", SseMessage.of(answer(body)));
    }
  }

  private SseMessage.Block answer(String body) {
    boolean withTools = body.contains("\"tools\":[{");
    if (withTools && body.contains("\"tool_result\"") && body.contains("toolu_cam_1")) {
      turns.add("final");
      return SseMessage.Block.text(FINAL_TEXT);
    }
    if (withTools && body.contains(marker)) {
      turns.add("tool_use");
      return SseMessage.Block.bash("toolu_cam_1", command, "Write the file");
    }
    return SseMessage.Block.text("ok");
  }

  private static void send(HttpExchange exchange, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", type);
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
