package dev.cam.plugin.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.Context;
import dev.cam.plugin.cli.CliRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cam prune} and {@code cam context test|update} through a real API server. */
class RemoteMaintenanceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;
  CliRig rig;
  ApiServer server;

  @BeforeEach
  void start() {
    rig = new CliRig(temp);
    rig.agent("aaa111", "claude", AgentStatus.COMPLETED, Duration.ofDays(10));
    rig.agent("aaa222", "codex", AgentStatus.FAILED, Duration.ofDays(10));
    rig.agent("bbb333", "claude", AgentStatus.FAILED, Duration.ofMinutes(3));
    rig.agent("ccc444", "claude", AgentStatus.RUNNING, Duration.ofDays(10));
    rig.kernel().contexts().add(new Context("web", temp.toString(), null, List.of("shop", "ui")));
    server = new ApiServer(rig.kernel());
  }

  @AfterEach
  void stop() {
    server.close();
    rig.close();
  }

  @Test
  void pruneThroughTheServerPrintsWhatItPrintsHereAndDeletesOnTheServer() {
    String local = run(0, "prune", "--dry-run", "--before", "7d");
    String remote = remote(0, "prune", "--dry-run", "--before", "7d");
    assertEquals(local, remote);
    assertTrue(remote.contains("would prune 2 agent(s)"), remote);

    String pruned = remote(0, "prune", "--status", "failed", "--before", "7d", "--json");

    assertEquals("{\"pruned\":[\"aaa222\"],\"dry_run\":false}", pruned.strip());
    assertEquals(List.of("aaa111", "bbb333", "ccc444"), ids());
  }

  @Test
  void runDryRunThroughTheServerShowsWhatTheServerWouldLaunch() throws Exception {
    String[] dryRun = {"run", "fake", "x", "--dry-run", "--env", "FAKE_SCRIPT=/s", "--env", "K=v"};
    String local = run(0, dryRun);
    String remote = remote(0, dryRun);

    assertEquals(local, remote);
    assertTrue(remote.contains("command  ") && remote.contains("K"), remote);
    JsonNode plan = JSON.readTree(remote(0, withJson(dryRun)));
    assertEquals(
        JSON.readTree(run(0, withJson(dryRun))).get("command"), plan.get("command"), "" + plan);
    assertFalse(plan.toString().contains("\"v\""), "values stay on the server: " + plan);
    assertEquals(4, ids().size(), "nothing was recorded");
  }

  @Test
  void pruneOfAnActiveStatusIsOneLineSayingWhatToDo() {
    remote(2, "prune", "--status", "running");

    assertOneLine(rig.err());
    assertTrue(rig.err().contains("stop or kill them first"), rig.err());
    assertEquals(4, ids().size());
  }

  @Test
  void contextUpdateThroughTheServerChangesItThere() throws Exception {
    Path other = Files.createDirectories(temp.resolve("other"));

    String json =
        remote(
            0,
            "context",
            "update",
            "web",
            "--path",
            other.toString(),
            "--tag",
            "new",
            "--untag",
            "ui",
            "--json");

    JsonNode shown = JSON.readTree(json);
    assertEquals(other.toString(), shown.get("path").asText(), json);
    assertEquals("[\"shop\",\"new\"]", shown.get("tags").toString());
    Context stored = rig.kernel().contexts().get("web");
    assertEquals(other.toString(), stored.path());
    assertEquals(List.of("shop", "new"), stored.tags());
    assertEquals(run(0, "context", "show", "web"), remote(0, "context", "show", "web"));
  }

  @Test
  void contextUpdateToAPathTheServerLacksIsOneLineSayingWhatToDo() {
    remote(2, "context", "update", "web", "--path", temp.resolve("missing").toString());

    assertOneLine(rig.err());
    assertTrue(rig.err().contains("does not exist on the server"), rig.err());
    remote(3, "context", "update", "nothing", "--tag", "x");
    assertOneLine(rig.err());
  }

  @Test
  void contextTestThroughTheServerGivesTheServersChecks() throws Exception {
    JsonNode here = JSON.readTree(run(-1, "context", "test", "web", "--json"));
    JsonNode there = JSON.readTree(remote(-1, "context", "test", "web", "--json"));

    List<String> names = new ArrayList<>();
    here.fieldNames().forEachRemaining(names::add);
    List<String> remoteNames = new ArrayList<>();
    there.fieldNames().forEachRemaining(remoteNames::add);
    assertEquals(names, remoteNames);
    assertEquals(here.get("path_ok"), there.get("path_ok"));
    assertEquals(here.get("reachable"), there.get("reachable"));
    assertEquals(here.get("tmux"), there.get("tmux"));

    Files.delete(Files.createDirectories(temp.resolve("gone")));
    rig.kernel()
        .contexts()
        .add(new Context("gone", temp.resolve("gone").toString(), null, List.of()));
    String gone = remote(1, "context", "test", "gone");
    assertTrue(gone.contains("FAILED") && gone.contains("is gone"), gone);
  }

  private String run(int code, String... args) {
    rig.clear();
    int got = rig.cam(args);
    if (code >= 0) {
      assertEquals(code, got, rig.out() + rig.err());
    }
    return rig.out();
  }

  private String remote(int code, String... args) {
    List<String> all =
        new ArrayList<>(List.of("--server", server.url(), "--token", ApiServer.TOKEN));
    all.addAll(List.of(args));
    return run(code, all.toArray(String[]::new));
  }

  private static String[] withJson(String[] args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--json");
    return all.toArray(String[]::new);
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    rig.kernel()
        .agents()
        .list(new AgentQuery(Set.of(), null, null, 0, 0))
        .forEach(a -> ids.add(a.id()));
    ids.sort(null);
    return ids;
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("\tat "), err);
  }
}
