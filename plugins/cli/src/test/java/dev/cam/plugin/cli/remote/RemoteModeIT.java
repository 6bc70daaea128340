package dev.cam.plugin.cli.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import dev.cam.api.Context;
import dev.cam.plugin.cli.CliRig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read commands through a real API server print exactly what they print from the store, for the
 * same data; errors of the remote mode are one line saying what to do.
 */
class RemoteModeIT {
  @TempDir static Path temp;
  static CliRig rig;
  static ApiServer server;

  @BeforeAll
  static void start() {
    rig = new CliRig(temp);
    rig.agent("aaa111", "claude", AgentStatus.COMPLETED, Duration.ofHours(3));
    rig.agent("aaa222", "codex", AgentStatus.FAILED, Duration.ofMinutes(30));
    rig.agent("bbb333", "claude", AgentStatus.RUNNING, Duration.ofMinutes(3));
    rig.kernel()
        .events()
        .publish("aaa111", "status_change", Map.of("from", "pending", "to", "running"));
    rig.kernel().events().publish("aaa111", "output", Map.of("lines", List.of("hello", "world")));
    rig.kernel()
        .events()
        .publish("aaa111", "status_change", Map.of("from", "running", "to", "completed"));
    rig.kernel().contexts().add(new Context("web", temp.toString(), null, List.of("shop", "ui")));
    server = new ApiServer(rig.kernel());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void readCommandsPrintTheSameThroughTheServer() {
    List<List<String>> commands =
        List.of(
            List.of("list"),
            List.of("list", "--json"),
            List.of("list", "--status", "completed,failed"),
            List.of("list", "--tool", "claude", "-n", "1"),
            List.of("list", "-n", "0", "--json"),
            List.of("status", "aaa1"),
            List.of("status", "--json", "bbb333"),
            List.of("logs", "aaa111"),
            List.of("logs", "--json", "aaa111"),
            List.of("logs", "-n", "1", "aaa111"),
            List.of("history"),
            List.of("stats", "--json"),
            List.of("context"),
            List.of("context", "list", "--json"),
            List.of("context", "show", "web"),
            List.of("plugins", "--json"));
    for (List<String> command : commands) {
      assertSame(server.url(), command);
    }
  }

  @Test
  void errorsReadTheSameThroughTheServer() {
    assertSame(server.url(), List.of("status", "zzz"));
    assertSame(server.url(), List.of("status", "aaa"));
    assertSame(server.url(), List.of("list", "--status", "happy"));
  }

  @Test
  void aServerUnderAPathPrefixWorksAsARelayServesIt() throws IOException {
    try (PrefixProxy relay = new PrefixProxy("/s/server-1/", server.url())) {
      assertSame(relay.url(), List.of("list", "--json"));
      assertSame(relay.url(), List.of("status", "aaa111"));
      assertSame(relay.url().replaceAll("/$", ""), List.of("context", "show", "web"));

      rig.clear();
      int code =
          rig.cam(
              "--server",
              relay.url().replace("server-1", "nobody"),
              "--token",
              ApiServer.TOKEN,
              "list");
      assertEquals(1, code, rig.err());
      assertTrue(rig.err().contains("without a CAM problem"), rig.err());
    }
  }

  @Test
  void aWrongTokenSaysWhereToFindTheRightOne() {
    rig.clear();
    int code = rig.cam("--server", server.url(), "--token", "wrong", "list");

    assertEquals(1, code);
    assertOneLine(rig.err());
    assertTrue(rig.err().contains("refused the token"), rig.err());
    assertTrue(rig.err().contains("cam config get server.token"), rig.err());
  }

  @Test
  void aServerThatIsDownIsNamedWithWhatToCheck() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    rig.clear();
    int code = rig.cam("--server", "http://127.0.0.1:" + port, "status", "aaa111");

    assertEquals(1, code);
    assertOneLine(rig.err());
    assertTrue(
        rig.err().contains("cannot reach the CAM server at http://127.0.0.1:" + port), rig.err());
  }

  @Test
  void commandsAboutThisMachineRefuseAServerFlag() {
    rig.clear();
    assertEquals(2, rig.cam("--server", server.url(), "config", "show"));
    assertTrue(rig.err().contains("works on this machine only"), rig.err());

    rig.clear();
    assertEquals(
        2, rig.cam("--server", server.url(), "--token", ApiServer.TOKEN, "attach", "bbb333"));
    assertTrue(rig.err().contains("run it there, or use 'cam output'"), rig.err());
  }

  @Test
  void aBadServerUrlIsAUsageError() {
    rig.clear();
    assertEquals(2, rig.cam("--server", "localhost:8420", "list"));
    assertTrue(rig.err().contains("give http://HOST:PORT"), rig.err());
  }

  /** Runs the command locally and through {@code url}: same exit code, output and error. */
  private static void assertSame(String url, List<String> command) {
    rig.clear();
    int localCode = rig.cam(command.toArray(String[]::new));
    String localOut = rig.out();
    String localErr = rig.err();
    rig.clear();
    List<String> remote = new ArrayList<>(List.of("--server", url, "--token", ApiServer.TOKEN));
    remote.addAll(command);
    int remoteCode = rig.cam(remote.toArray(String[]::new));

    assertEquals(localErr, rig.err(), "stderr of " + command);
    assertEquals(localOut, rig.out(), "stdout of " + command);
    assertEquals(localCode, remoteCode, "exit code of " + command);
    assertFalse(localOut.isBlank() && localErr.isBlank(), "some output for " + command);
  }

  private static void assertOneLine(String err) {
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("\tat "), err);
  }
}
