package dev.cam.plugin.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.plugin.cli.CliRig;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) on a real {@code cam run} process: the agent keeps running and its monitor lease
 * is given up at once, so another CAM process adopts it without waiting for the lease to expire.
 */
class RunInterruptIT {
  @TempDir Path temp;
  private CliRig rig;
  private Process cam;

  @BeforeEach
  void setUp() {
    Prerequisites.tmux();
    rig = new CliRig(temp);
  }

  @AfterEach
  void tearDown() {
    if (cam != null) {
      cam.destroyForcibly();
    }
    rig.kernel().agents().list(AgentQuery.ALL).stream()
        .filter(a -> !a.status().isTerminal())
        .forEach(a -> rig.kernel().control().kill(a.id()));
    rig.close();
  }

  @Test
  void ctrlCLeavesTheAgentRunningAndFreeToAdopt() throws Exception {
    Path script = Files.writeString(temp.resolve("busy.fake"), "ready\nbusy 120s Working\n");
    cam =
        camProcess("run", "fake", "x", "--dir", temp.toString(), "--env", "FAKE_SCRIPT=" + script);
    try {
      Await.until(
          () -> running().isPresent() || !cam.isAlive(),
          Duration.ofSeconds(30),
          "the agent of 'cam run' to run");
    } finally {
      if (!cam.isAlive() || running().isEmpty()) {
        throw new AssertionError(
            "cam run: "
                + Files.readString(temp.resolve("cam.err"))
                + Files.readString(temp.resolve("cam.out")));
      }
    }
    Agent agent = running().orElseThrow();

    new ProcessBuilder("kill", "-INT", Long.toString(cam.pid())).start().waitFor();

    assertTrue(cam.waitFor(20, TimeUnit.SECONDS), "cam run ends on SIGINT");
    String err = Files.readString(temp.resolve("cam.err"));
    assertTrue(err.contains("detached; agent " + agent.shortId() + " keeps running"), err);
    List<Agent> adopted = rig.kernel().control().adopt();
    assertEquals(List.of(agent.id()), adopted.stream().map(Agent::id).toList(), "adopted at once");
    assertEquals(AgentStatus.RUNNING, rig.kernel().agents().find(agent.id()).status());
    Process has =
        new ProcessBuilder(
                "tmux", "-S", rig.tmuxSocket().toString(), "has-session", "-t", agent.session())
            .start();
    assertEquals(0, has.waitFor(), "the session lives on");
  }

  /** The command line as the package phase built it: the plugin zip in target/. */
  private static Path pluginZip() throws java.io.IOException {
    try (java.util.stream.Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-plugin.zip"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no target/cli-*-plugin.zip: run 'verify'"));
    }
  }

  private java.util.Optional<Agent> running() {
    return rig.kernel().agents().list(AgentQuery.ALL).stream()
        .filter(a -> a.status() == AgentStatus.RUNNING)
        .findFirst();
  }

  /** {@code cam ARGS} in its own JVM, as bin/cam runs it, on the rig's directories. */
  private Process camProcess(String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path home = temp.resolve("cam-home");
    Files.createDirectories(home.resolve("plugins"));
    Path zip = pluginZip();
    Files.copy(zip, home.resolve("plugins").resolve(zip.getFileName()));
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Dcam.home=" + home,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cam.platform.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("HOME", temp.resolve("home").toString());
    builder.environment().put("CAM_CONFIG_DIR", temp.resolve("config").toString());
    builder.environment().put("CAM_DATA_DIR", temp.resolve("data").toString());
    builder.environment().put("CAM_TMUX_SOCKET", rig.tmuxSocket().toString());
    builder.redirectOutput(temp.resolve("cam.out").toFile());
    builder.redirectError(temp.resolve("cam.err").toFile());
    return builder.start();
  }
}
