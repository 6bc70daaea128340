package dev.cam.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the built distribution as an operator would. */
class DistributionIT {
  private static final Path HOME = Path.of("target/cam-relay");

  @Test
  void binStartsTheRelayWithTheShippedConfigAndStopsOnTerm() throws Exception {
    assertTrue(Files.isExecutable(HOME.resolve("bin/cam-relay")), "run the package phase first");
    Process relay =
        new ProcessBuilder(
                HOME.resolve("bin/cam-relay").toString(),
                "--config",
                HOME.resolve("conf/relay.toml").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      URI uri = listening(relay);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri.resolve("/_relay/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      relay.destroy();
      assertTrue(relay.waitFor(15, TimeUnit.SECONDS), "relay should stop on SIGTERM");
    } finally {
      relay.destroyForcibly();
    }
  }

  @Test
  void tarballHoldsTheSameDistribution() {
    assertTrue(Files.exists(Path.of("target/cam-relay-" + version() + ".tar.gz")));
  }

  private static String version() {
    try (var jars = Files.list(HOME.resolve("lib"))) {
      String jar =
          jars.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("relay-"))
              .findFirst()
              .orElseThrow();
      return jar.substring("relay-".length(), jar.length() - ".jar".length());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI listening(Process relay) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      int at = line.indexOf("listening on ");
      if (at >= 0) {
        Thread drain = new Thread(() -> drain(in));
        drain.setDaemon(true);
        drain.start();
        return URI.create(line.substring(at + "listening on ".length()).trim());
      }
    }
    throw new AssertionError("relay exited before listening");
  }

  private static void drain(BufferedReader in) {
    try {
      while (in.readLine() != null) {
        // keep the pipe empty
      }
    } catch (java.io.IOException e) {
      // process ended
    }
  }
}
