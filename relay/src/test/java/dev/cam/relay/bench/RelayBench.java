package dev.cam.relay.bench;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkSettings;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.link.ServerLink;
import dev.cam.relay.testing.OriginServer;
import dev.cam.relay.testing.WsClient;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Driver of {@code bench/relay.sh}: starts the relay from its distribution in its own JVM, an
 * origin and a server link here, then measures beside direct loopback in the same run: latency of a
 * small request, throughput of a 100 MB download, and the relay's RSS with 1,000 WebSocket clients.
 */
public final class RelayBench {
  /** WebSocket clients opened at once; the next batch waits for this one's greetings. */
  private static final int WS_BATCH = 50;

  private RelayBench() {}

  public static void main(String[] args) throws Exception {
    Path distribution = Path.of(args[0]);
    int requests = Integer.parseInt(args.length > 1 ? args[1] : "3000");
    int sockets = Integer.parseInt(args.length > 2 ? args[2] : "1000");
    Path dir = Files.createTempDirectory("relay-bench");
    // The default stream rate (50/s per server) is for people; a benchmark is not one.
    Path config =
        Files.writeString(
            dir.resolve("relay.toml"),
            "[limits]\nnew-streams-per-second = 1000000\nnew-stream-burst = 1000000\n"
                + "max-streams-per-server = 2000\nmax-connections-per-ip = 5000\n"
                + System.getProperty("bench.limits", "").replace(';', '\n')
                + "\n");
    Process relay =
        new ProcessBuilder(
                distribution.resolve("bin/cam-relay").toString(),
                "--config",
                config.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try (OriginServer origin =
        new OriginServer("bench", Files.writeString(dir.resolve("index.html"), "x".repeat(100)))) {
      URI relayUri = listening(relay);
      ServerLink link =
          new ServerLink(
              LinkSettings.of(relayUri, URI.create(origin.origin())),
              ServerIdentity.generate(),
              status -> {});
      link.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (link.status().state() != LinkState.CONNECTED && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      URI viaRelay = link.status().publicUrl();
      URI direct = URI.create(origin.origin() + "/");
      System.out.printf("relay pid %d, load average %s%n", relay.pid(), loadAverage());
      System.out.printf("relay RSS idle: %.1f MB%n", rssMb(relay.pid()));
      latency(direct, viaRelay, requests);
      throughput(direct, viaRelay, 100L * 1024 * 1024, relay.pid());
      webSockets(viaRelay, relay.pid(), sockets);
      link.close();
    } finally {
      relay.destroy();
      relay.waitFor(10, TimeUnit.SECONDS);
      relay.destroyForcibly();
      Files.deleteIfExists(config);
      Files.deleteIfExists(dir.resolve("index.html"));
      Files.deleteIfExists(dir);
    }
  }

  private static void latency(URI direct, URI viaRelay, int requests) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] d = new long[requests];
    long[] r = new long[requests];
    for (int i = 0; i < requests; i++) {
      // warm-up of both paths
      get(client, direct.resolve("index.html"));
      get(client, viaRelay.resolve("index.html"));
    }
    for (int i = 0; i < requests; i++) {
      d[i] = get(client, direct.resolve("index.html"));
      r[i] = get(client, viaRelay.resolve("index.html"));
    }
    Arrays.sort(d);
    Arrays.sort(r);
    System.out.printf(
        "small GET (%d each, interleaved): direct p50 %.3f ms p90 %.3f p99 %.3f | relay p50 %.3f"
            + " ms p90 %.3f p99 %.3f%n",
        requests, ms(d, 50), ms(d, 90), ms(d, 99), ms(r, 50), ms(r, 90), ms(r, 99));
    double added = ms(r, 50) - ms(d, 50);
    System.out.printf(
        "GOAL %s: small request added p50 %.3f ms through the relay (goal < 1 ms)%n",
        added < 1 ? "met" : "MISSED", added);
  }

  private static long get(HttpClient client, URI uri) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(uri + " answered " + response.statusCode());
    }
    return took;
  }

  private static double ms(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }

  private static void throughput(URI direct, URI viaRelay, long bytes, long relayPid)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // A relay runs for weeks: measure it (and the direct path) once the JIT has compiled the
    // hot loops, not while it still compiles them.
    for (int i = 0; i < Integer.getInteger("bench.warmups", 3); i++) {
      download(client, direct.resolve("download?bytes=" + bytes), bytes);
      download(client, viaRelay.resolve("download?bytes=" + bytes), bytes);
    }
    int runs = Integer.getInteger("bench.downloads", 3);
    double[] d = new double[runs];
    double[] r = new double[runs];
    long relayCpu = 0;
    long driverDirectCpu = 0;
    long driverRelayCpu = 0;
    long self = ProcessHandle.current().pid();
    Map<String, Long> directThreads = new TreeMap<>();
    Map<String, Long> relayThreads = new TreeMap<>();
    for (int i = 0; i < runs; i++) {
      long before = cpuMillis(self);
      Map<String, Long> threadsBefore = threadCpuMillis();
      d[i] = download(client, direct.resolve("download?bytes=" + bytes), bytes);
      driverDirectCpu += cpuMillis(self) - before;
      add(directThreads, threadsBefore, threadCpuMillis());
      before = cpuMillis(self);
      threadsBefore = threadCpuMillis();
      long relayBefore = cpuMillis(relayPid);
      r[i] = download(client, viaRelay.resolve("download?bytes=" + bytes), bytes);
      relayCpu += cpuMillis(relayPid) - relayBefore;
      driverRelayCpu += cpuMillis(self) - before;
      add(relayThreads, threadsBefore, threadCpuMillis());
    }
    Arrays.sort(d);
    Arrays.sort(r);
    System.out.printf(
        "100 MB download (median of %d): direct %.0f MB/s | relay %.0f MB/s%n",
        runs, d[runs / 2], r[runs / 2]);
    // CPU per download depends far less on other load than MB/s does
    System.out.printf(
        "CPU per 100 MB: direct %d ms (origin + client) | via relay %d ms = relay process %d ms +"
            + " origin, server link and client %d ms%n",
        driverDirectCpu / runs,
        (relayCpu + driverRelayCpu) / runs,
        relayCpu / runs,
        driverRelayCpu / runs);
    System.out.println(
        "driver CPU per 100 MB by thread: direct "
            + perRun(directThreads, runs)
            + " | via relay "
            + perRun(relayThreads, runs));
    double ratio = r[runs / 2] / d[runs / 2];
    System.out.printf(
        "GOAL %s: download through the relay at %.2f of direct (goal >= 0.5)%n",
        ratio >= 0.5 ? "met" : "MISSED", ratio);
  }

  /**
   * CPU time (user + system) of this JVM's threads so far, from /proc (10 ms ticks), summed by
   * role: the benchmark's client, the origin, the server link, and the JVM's own (JIT, GC).
   */
  private static Map<String, Long> threadCpuMillis() throws Exception {
    Map<String, Long> byRole = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (java.io.IOException e) {
          continue; // the thread ended
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        byRole.merge(role(name), millis, Long::sum);
      }
    }
    return byRole;
  }

  private static String role(String thread) {
    if (thread.startsWith("HttpClient") || thread.equals("main")) {
      return "client";
    }
    if (thread.startsWith("C1 ") || thread.startsWith("C2 ") || thread.startsWith("GC ")) {
      return "jit+gc";
    }
    if (thread.startsWith("qtp")) {
      return "origin";
    }
    if (thread.startsWith("relay-link")) {
      return "link";
    }
    return Boolean.getBoolean("bench.threadNames") ? thread : "other";
  }

  private static void add(
      Map<String, Long> sum, Map<String, Long> before, Map<String, Long> after) {
    after.forEach(
        (role, millis) -> sum.merge(role, millis - before.getOrDefault(role, 0L), Long::sum));
  }

  private static String perRun(Map<String, Long> sum, int runs) {
    StringBuilder out = new StringBuilder();
    sum.forEach(
        (role, millis) -> out.append(role).append(' ').append(millis / runs).append(" ms "));
    return out.toString().trim();
  }

  /** CPU time (user + system) the process used so far, from /proc (10 ms ticks). */
  private static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }

  private static double download(HttpClient client, URI uri, long bytes) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
    long got;
    try (InputStream in = response.body()) {
      got = in.transferTo(OutputStream.nullOutputStream());
    }
    if (got != bytes) {
      throw new IllegalStateException("download got " + got + " of " + bytes);
    }
    return bytes / 1048576.0 / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Opens {@code count} WebSockets through the relay in batches (each batch greeted before the next
   * starts, so a 2-core machine is not asked for 1,000 handshakes at once), has every client echo
   * one message, then reads the relay's RSS with all of them open.
   */
  private static void webSockets(URI viaRelay, long relayPid, int count) throws Exception {
    URI uri = URI.create(viaRelay.toString().replaceFirst("^http", "ws") + "api/ws");
    HttpClient client = HttpClient.newHttpClient();
    List<WsClient> clients = new ArrayList<>(count);
    long start = System.nanoTime();
    try {
      for (int first = 0; first < count; first += WS_BATCH) {
        List<CompletableFuture<WsClient>> batch = new ArrayList<>();
        for (int i = first; i < Math.min(count, first + WS_BATCH); i++) {
          batch.add(WsClient.connectAsync(client, uri, OriginServer.TOKEN));
        }
        for (CompletableFuture<WsClient> opening : batch) {
          WsClient c = opening.get(60, TimeUnit.SECONDS);
          clients.add(c);
          c.next(); // greeting
        }
      }
      double connectSeconds = (System.nanoTime() - start) / 1e9;
      for (int first = 0; first < clients.size(); first += WS_BATCH) {
        List<WsClient> batch = clients.subList(first, Math.min(clients.size(), first + WS_BATCH));
        for (WsClient c : batch) {
          c.socket.sendText("ping", true).get(30, TimeUnit.SECONDS);
        }
        for (WsClient c : batch) {
          if (!"ping".equals(c.next())) {
            throw new IllegalStateException("a client's echo was lost");
          }
        }
      }
      System.gc();
      Thread.sleep(2000);
      double rss = rssMb(relayPid);
      System.out.printf(
          "%d WebSocket clients through the relay: connected in %.1f s, all echoed; relay RSS"
              + " %.1f MB%n",
          count, connectSeconds, rss);
      System.out.printf(
          "GOAL %s: relay RSS %.1f MB with %d WebSocket clients (goal < 256 MB)%n",
          rss < 256 ? "met" : "MISSED", rss, count);
    } catch (Exception | AssertionError e) {
      String closed =
          clients.stream()
              .filter(c -> c.closed.isDone())
              .map(c -> c.closed.getNow(""))
              .findFirst()
              .orElse("none closed");
      System.out.printf(
          "GOAL MISSED: only %d of %d WebSocket clients were open and greeted when this failed: %s"
              + " (first close seen: %s; open files allowed: %s)%n",
          clients.size(), count, e, closed, openFileLimit());
    } finally {
      for (WsClient c : clients) {
        c.socket.abort();
      }
    }
  }

  private static String openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          return line.replaceAll("\\s+", " ").substring("Max open files ".length());
        }
      }
    } catch (Exception e) {
      return "unknown";
    }
    return "unknown";
  }

  static double rssMb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return -1;
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static URI listening(Process relay) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> uri = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                boolean echo = Boolean.getBoolean("bench.relayLog");
                for (String line; (line = in.readLine()) != null; ) {
                  if (echo) {
                    System.out.println("relay: " + line);
                  }
                  int at = line.indexOf("listening on ");
                  if (at >= 0) {
                    uri.complete(URI.create(line.substring(at + 13).trim()));
                  }
                }
              } catch (Exception e) {
                uri.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return uri.get(30, TimeUnit.SECONDS);
  }
}
