package dev.cam.plugin.api;

import dev.cam.api.AgentStatus;
import dev.cam.api.EventBus;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.store.Store;
import dev.cam.plugin.api.ws.WsLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Benchmark driver for {@code bench/api.sh}. {@code serve DIR}: the API on a store with 100 agents
 * and, beside it, a bare Jetty handler answering the same bytes; prints their URLs and waits.
 * {@code latency CLIENTS EVENTS [foreign]}: publish-to-receipt latency over the WebSocket; with
 * {@code foreign} the events are written by a second store on the same database file, as by another
 * CAM process, so they reach the clients through the server's look at the store.
 */
public final class ApiBench {
  private static final String TOKEN = "bench-token-0123456789abcdefghijklmnopqrstu";

  private ApiBench() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("serve")) {
      serve(Path.of(args[1]));
    } else {
      latency(
          Integer.parseInt(args[1]),
          Integer.parseInt(args[2]),
          args.length > 3 && args[3].equals("foreign"));
    }
  }

  private static JettyApiFrontend api(TestPlatform platform) {
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS);
    JettyApiFrontend frontend = new JettyApiFrontend(platform, settings);
    frontend.start();
    return frontend;
  }

  private static void serve(Path dir) throws Exception {
    TestPlatform platform = new TestPlatform(dir, Map.of());
    Instant t = Instant.now();
    for (int i = 0; i < 100; i++) {
      String id = String.format("%024x", 0xabc000L + i);
      AgentStatus status = AgentStatus.values()[i % AgentStatus.values().length];
      platform.agents().save(RestApiIT.agent(id, "claude", "ctx", status, t.plusSeconds(i)));
    }
    JettyApiFrontend frontend = api(platform);
    String base = frontend.uri().toString();
    HttpResponse<byte[]> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/agents"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    Server bare = bare(list.body());
    int barePort = ((ServerConnector) bare.getConnectors()[0]).getLocalPort();
    System.out.println("api=" + base + "/agents");
    System.out.println("bare=http://127.0.0.1:" + barePort + "/api/agents");
    System.out.println("token=" + TOKEN);
    System.out.println("bytes=" + list.body().length);
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** The same connector and thread pool as the API, and a handler that only writes the bytes. */
  private static Server bare(byte[] body) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
          }
        });
    server.start();
    return server;
  }

  private static void latency(int clients, int events, boolean foreign) throws Exception {
    Path dir = Files.createTempDirectory("cam-api-bench");
    try (TestPlatform platform = new TestPlatform(dir, Map.of());
        Store other = Store.open(platform.dataDir().resolve("cam.db"))) {
      EventBus publisher =
          foreign
              ? new StoredEventBus(other.events(), new JsonlAgentLogs(dir.resolve("other-logs")))
              : platform.events();
      JettyApiFrontend frontend = api(platform);
      ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
      AtomicLong received = new AtomicLong();
      String ws = frontend.uri().toString().replace("http://", "ws://") + "/ws";
      List<WebSocket> sockets = new ArrayList<>();
      CountDownLatch ready = new CountDownLatch(clients);
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < clients; i++) {
        sockets.add(
            http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + TOKEN)
                .buildAsync(URI.create(ws), new Timing(samples, received, ready))
                .get(10, TimeUnit.SECONDS));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not every client got its ready frame");
      }
      for (int i = 0; i < events; i++) {
        publisher.publish(null, "bench", Map.of("t", System.nanoTime()));
        Thread.sleep(5);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.get() < (long) clients * events && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      report(clients + (foreign ? " (events of another process)" : ""), events, samples);
      sockets.forEach(WebSocket::abort);
      frontend.stop();
    }
  }

  private static void report(String clients, int events, ConcurrentLinkedQueue<Long> samples) {
    long[] micros = samples.stream().mapToLong(n -> n / 1000).sorted().toArray();
    System.out.printf(
        "clients=%s events=%d received=%d p50=%.2fms p99=%.2fms max=%.2fms%n",
        clients,
        events,
        micros.length,
        at(micros, 0.50) / 1000.0,
        at(micros, 0.99) / 1000.0,
        micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
  }

  private static long at(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
  }

  /** Records now minus the {@code t} the publisher put into each event. */
  private static final class Timing implements WebSocket.Listener {
    private final ConcurrentLinkedQueue<Long> samples;
    private final AtomicLong received;
    private final CountDownLatch ready;
    private final StringBuilder partial = new StringBuilder();

    Timing(ConcurrentLinkedQueue<Long> samples, AtomicLong received, CountDownLatch ready) {
      this.samples = samples;
      this.received = received;
      this.ready = ready;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        try {
          var frame = ApiClient.JSON.readTree(partial.toString());
          if (frame.path("type").asText().equals("ready")) {
            ready.countDown();
          } else if (frame.path("event").asText().equals("bench")) {
            samples.add(now - frame.get("detail").get("t").asLong());
            received.incrementAndGet();
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
