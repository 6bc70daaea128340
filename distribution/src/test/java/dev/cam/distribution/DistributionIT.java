package dev.cam.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real, unpacked distribution: {@code bin/cam} as a person would. */
class DistributionIT {
  private static final Path DIST = Path.of(System.getProperty("cam.dist"));
  private static final Path CAM = DIST.resolve("bin/cam");

  @TempDir Path temp;

  @Test
  void versionPrintsCamsVersionAndNothingElse() throws Exception {
    CamRun run = CamRun.of(CAM, temp, "--version");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().matches("cam \\d+\\.\\d+\\.\\d+.*\\n"), run.out());
    assertEquals("", run.err());
    assertEquals(run.out(), CamRun.of(CAM, temp, "version").out());
  }

  @Test
  void pluginsListsEveryShippedPluginAsStarted() throws Exception {
    CamRun run = CamRun.of(CAM, temp, "plugins");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("ID"), run.out());
    assertTrue(lines.size() > 1, run.out());
    lines.stream().skip(1).forEach(line -> assertTrue(line.contains(" STARTED "), line));
    assertEquals("", run.err());
  }

  @Test
  void pluginsJsonHasAStableShape() throws Exception {
    CamRun run = CamRun.of(CAM, temp, "plugins", "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode plugins = new ObjectMapper().readTree(run.out()).get("plugins");
    List<String> ids = new ArrayList<>();
    for (JsonNode plugin : plugins) {
      ids.add(plugin.get("id").asText());
      assertEquals("STARTED", plugin.get("state").asText(), plugin.toString());
      assertTrue(plugin.has("version") && plugin.has("source") && plugin.has("reason"));
    }
    assertTrue(ids.contains("cli"), ids.toString());
  }

  @Test
  void configShowPrintsEffectiveKeysWithTheirSource() throws Exception {
    Path file = temp.resolve("my.toml");
    Files.writeString(file, "[server]\nport = 9100\n");

    CamRun run = CamRun.of(CAM, temp, "--config", file.toString(), "config", "show");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("server.port"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.contains("9100") && l.contains(file.toString())));
    assertTrue(run.out().lines().anyMatch(l -> l.contains("server.host") && l.contains("default")));
  }

  @Test
  void configSetWritesTheUserFileThatGetThenReads() throws Exception {
    assertEquals(0, CamRun.of(CAM, temp, "config", "set", "server.port", "9200").exitCode());

    CamRun get = CamRun.of(CAM, temp, "config", "get", "server.port", "--json");

    JsonNode json = new ObjectMapper().readTree(get.out());
    assertEquals("9200", json.get("value").asText());
    assertEquals(temp.resolve("config/config.toml").toString(), json.get("source").asText());
  }

  @Test
  void aBadConfigValueIsOneLineNamingTheFileAndTheKey() throws Exception {
    Path file = temp.resolve("bad.toml");
    Files.writeString(file, "[server]\nport = \"eighty\"\n");

    CamRun run = CamRun.of(CAM, temp, "--config", file.toString(), "config", "show");

    assertEquals(1, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains(file.toString()) && run.err().contains("server.port"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void exitCodesTellUsageErrorsAndMissingKeys() throws Exception {
    CamRun usage = CamRun.of(CAM, temp, "--no-such-option");
    CamRun missing = CamRun.of(CAM, temp, "config", "get", "server.no_such_key");

    assertEquals(2, usage.exitCode());
    assertEquals(1, usage.err().lines().count(), usage.err());
    assertEquals(3, missing.exitCode(), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
  }

  @Test
  void aMissingCliPluginIsOneClearLine() throws Exception {
    Path home = Files.createDirectories(temp.resolve("broken-cam"));
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("plugins"));
    Files.copy(CAM, home.resolve("bin/cam"));
    Files.createSymbolicLink(home.resolve("lib"), DIST.resolve("lib"));

    CamRun run = CamRun.of(home.resolve("bin/cam"), temp, "plugins");

    assertEquals(1, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("cli"), run.err());
  }

  @Test
  void theLauncherWorksThroughASymlink() throws Exception {
    Path link = temp.resolve("cam-link");
    Files.createSymbolicLink(link, CAM);

    CamRun run = CamRun.of(link, temp, "--version");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("cam "));
  }

  @Test
  void serveRunsUntilSigtermAndStopsCleanly() throws Exception {
    // --host and --port are server.host and server.port for this run: a free port, not 8420
    ProcessBuilder builder =
        new ProcessBuilder(CAM.toString(), "serve", "--host", "127.0.0.1", "--port", "0")
            .directory(temp.toFile());
    CamRun.environment(builder, temp);
    builder.redirectErrorStream(true);
    Process serve = builder.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      List<String> seen = new ArrayList<>();
      do {
        line = out.readLine();
        seen.add(line);
      } while (line != null && !line.contains("running"));
      assertFalse(line == null, "serve ended early: " + seen);
      String api =
          seen.stream().filter(l -> l != null && l.contains("started api")).findFirst().orElse("");
      assertTrue(api.contains("http://127.0.0.1:") && !api.contains(":8420"), "" + seen);

      // SIGTERM by pid (Process.destroy would also close our end of its output)
      new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor();

      assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
      String rest = String.join("\n", out.lines().toList());
      assertTrue(rest.contains("cam serve: stopped"), rest);
      // no relay is configured: the relay link neither starts nor stops aloud
      assertTrue(
          seen.stream().noneMatch(l -> l.contains("relay")) && !rest.contains("relay"),
          seen + "\n" + rest);
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void serveDaemonRunsInTheBackgroundWithTheGivenConfigFileUntilStopped() throws Exception {
    // port 0 only in this file: a daemon that did not get --config would bind 8420
    Path file = temp.resolve("mine.toml");
    Files.writeString(file, "[server]\nhost = \"127.0.0.1\"\nport = 0\n");

    CamRun started = CamRun.of(CAM, temp, "--config", file.toString(), "serve", "--daemon");

    assertEquals(0, started.exitCode(), started.out() + started.err());
    assertTrue(started.out().contains("running in the background, pid"), started.out());
    long pid = Long.parseLong(started.out().replaceAll("(?s).*pid (\\d+).*", "$1").strip());
    try {
      Path log = temp.resolve("data/serve.log");
      String serving =
          dev.cam.plugin.tmux.testkit.Await.value(
              () -> readIfThere(log),
              text -> text.contains("front-end(s) running"),
              java.time.Duration.ofSeconds(30));
      assertTrue(
          serving.contains("started api http://127.0.0.1:") && !serving.contains(":8420/"),
          serving);
      CamRun status = CamRun.of(CAM, temp, "serve", "status");
      assertEquals(0, status.exitCode(), status.out() + status.err());
      assertTrue(status.out().contains("running, pid " + pid), status.out());

      CamRun stop = CamRun.of(CAM, temp, "serve", "stop");

      assertTrue(stop.out().contains("cam serve stopped (pid " + pid + ")"), stop.out());
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static String readIfThere(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
