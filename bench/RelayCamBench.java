import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Driver of bench/relay-cam.sh (JDK only, run as a source file): the real relay and the real
 * {@code cam serve --relay}, each in its own JVM from its distribution, and clients here. Measures
 * beside direct loopback in the same run: latency of GET /api/system/health, and the relay's and
 * the server's RSS with N WebSocket clients on /api/ws through the relay.
 */
public final class RelayCamBench {
  private static final List<String> OUT = new CopyOnWriteArrayList<>();

  public static void main(String[] args) throws Exception {
    Path cam = Path.of(args[0]).toAbsolutePath();
    Path relayHome = Path.of(args[1]).toAbsolutePath();
    int requests = Integer.parseInt(args[2]);
    int sockets = Integer.parseInt(args[3]);
    Path dir = Files.createTempDirectory("relay-cam-bench");
    Path config =
        Files.writeString(
            dir.resolve("relay.toml"),
            "[limits]\nnew-streams-per-second = 1000000\nnew-stream-burst = 1000000\n"
                + "max-streams-per-server = 2000\nmax-connections-per-ip = 5000\n");
    Process relay =
        start(
            new ProcessBuilder(
                relayHome.resolve("bin/cam-relay").toString(),
                "--config", config.toString(), "--host", "127.0.0.1", "--port", "0"));
    Process serve = null;
    try {
      URI relayUri = URI.create(await("listening on (\\S+)"));
      ProcessBuilder camServe =
          new ProcessBuilder(
              cam.resolve("bin/cam").toString(), "serve", "--relay", relayUri.toString());
      camServe.environment().put("HOME", dir.resolve("home").toString());
      camServe.environment().put("CAM_CONFIG_DIR", dir.resolve("config").toString());
      camServe.environment().put("CAM_DATA_DIR", dir.resolve("data").toString());
      camServe.environment().put("CAM_SERVER_PORT", "0");
      camServe.environment().put("CAM_TMUX_SOCKET", dir.resolve("tmux.sock").toString());
      serve = start(camServe.directory(Files.createDirectories(dir.resolve("work")).toFile()));
      URI direct = URI.create(await("started api (\\S+)/api ") + "/");
      String token = await("started api .*token: (\\S+)");
      URI viaRelay = URI.create(await("started relay .*open (\\S+)"));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      awaitConnected(client, direct, token);
      System.out.printf(
          "load average %s; relay RSS idle %.1f MB, cam serve RSS idle %.1f MB%n",
          Files.readString(Path.of("/proc/loadavg")).split(" ")[0],
          rssMb(relay.pid()),
          rssMb(serve.pid()));
      latency(client, direct, viaRelay, token, requests);
      webSockets(viaRelay, token, sockets, relay.pid(), serve.pid());
    } finally {
      if (serve != null) {
        serve.destroy();
        serve.waitFor(20, TimeUnit.SECONDS);
      }
      relay.destroy();
      relay.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Process start(ProcessBuilder builder) throws Exception {
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  OUT.add(line);
                }
              } catch (Exception e) {
                OUT.add(e.toString());
              }
            });
    reader.setDaemon(true);
    reader.start();
    return process;
  }

  private static String await(String regex) throws Exception {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : OUT) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no line matching " + regex + " in " + OUT);
  }

  private static void awaitConnected(HttpClient client, URI direct, String token)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String health = body(client, direct.resolve("api/system/health"), token);
      if (health.contains("\"state\":\"connected\"")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the relay link did not come up: " + OUT);
  }

  private static void latency(
      HttpClient client, URI direct, URI viaRelay, String token, int requests) throws Exception {
    long[] d = new long[requests];
    long[] r = new long[requests];
    for (int i = 0; i < requests; i++) { // warm-up of both paths
      time(client, direct.resolve("api/system/health"), token);
      time(client, viaRelay.resolve("api/system/health"), token);
    }
    for (int i = 0; i < requests; i++) {
      d[i] = time(client, direct.resolve("api/system/health"), token);
      r[i] = time(client, viaRelay.resolve("api/system/health"), token);
    }
    Arrays.sort(d);
    Arrays.sort(r);
    System.out.printf(
        "GET /api/system/health (%d each, interleaved): direct p50 %.3f ms p90 %.3f p99 %.3f |"
            + " relay p50 %.3f ms p90 %.3f p99 %.3f%n",
        requests, ms(d, 50), ms(d, 90), ms(d, 99), ms(r, 50), ms(r, 90), ms(r, 99));
    double added = ms(r, 50) - ms(d, 50);
    System.out.printf(
        "GOAL %s: small request added p50 %.3f ms through the relay (goal < 1 ms)%n",
        added < 1 ? "met" : "MISSED", added);
  }

  private static String body(HttpClient client, URI uri, String token) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static long time(HttpClient client, URI uri, String token) throws Exception {
    long start = System.nanoTime();
    body(client, uri, token);
    return System.nanoTime() - start;
  }

  private static double ms(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }

  /** N clients on /api/ws through the relay: authenticated, ready, then each answers a ping. */
  private static void webSockets(URI viaRelay, String token, int count, long relay, long serve)
      throws Exception {
    URI uri = URI.create(viaRelay.toString().replaceFirst("^http", "ws") + "api/ws");
    HttpClient client = HttpClient.newHttpClient();
    CountDownLatch ready = new CountDownLatch(count);
    CountDownLatch pongs = new CountDownLatch(count);
    List<WebSocket> open = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      WebSocket socket =
          client.newWebSocketBuilder().buildAsync(uri, new Counter(ready, pongs)).get(30, TimeUnit.SECONDS);
      socket.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true).get();
      open.add(socket);
    }
    if (!ready.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(ready.getCount() + " clients never got ready");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (WebSocket socket : open) {
      socket.sendText("{\"type\":\"ping\"}", true);
    }
    if (!pongs.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(pongs.getCount() + " clients never got their pong");
    }
    Thread.sleep(2000);
    double relayRss = rssMb(relay);
    System.out.printf(
        "%d WebSocket clients on /api/ws through the relay: ready in %.1f s, all answered a ping;"
            + " relay RSS %.1f MB, cam serve RSS %.1f MB%n",
        count, seconds, relayRss, rssMb(serve));
    System.out.printf(
        "GOAL %s: relay RSS %.1f MB with %d WebSocket clients (goal < 256 MB)%n",
        relayRss < 256 ? "met" : "MISSED", relayRss, count);
    open.forEach(WebSocket::abort);
  }

  /** Counts each socket's ready frame and pong. */
  private record Counter(CountDownLatch ready, CountDownLatch pongs) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      String text = data.toString();
      if (text.contains("\"type\":\"ready\"")) {
        ready.countDown();
      } else if (text.contains("\"type\":\"pong\"")) {
        pongs.countDown();
      }
      socket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static double rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }
}
