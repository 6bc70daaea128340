package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Machine;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link TmuxTransport#isAlive} says while a tool restarts itself. Gemini CLI's launcher runs
 * the CLI as a child and starts a new child when one exits with its relaunch code; other tools
 * re-exec in place. Neither may look dead at any moment of the restart.
 */
class TmuxLivenessIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  private TmuxTransport transport;

  @BeforeEach
  void start() {
    transport = new TmuxTransport(TmuxSettings.at(tmux.socket()));
  }

  @AfterEach
  void stop() {
    transport.list(Machine.LOCAL).forEach(transport::kill);
    transport.close();
  }

  @Test
  void toolRelaunchedAsANewChildByItsLauncherIsNeverReportedDead() {
    // Like Gemini CLI's launcher: children exit with 199 to be started again; the launcher waits.
    String child =
        "n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count;"
            + " echo \"child $n\"; if [ $n -lt 4 ]; then sleep 0.2; exit 199; fi;"
            + " echo settled; sleep 30";
    String launcher =
        "while true; do sh -c '" + child + "'; code=$?; [ $code -eq 199 ] || exit $code; done";
    SessionRef session = session("cam-relaunch", List.of("sh", "-c", launcher));
    assertAliveUntilScreenShows(session, "settled");
  }

  @Test
  void toolThatReExecsItselfIsNeverReportedDead() {
    String script =
        "echo first; sleep 0.3; exec sh -c 'echo second; sleep 0.3;"
            + " exec sh -c \"echo settled; sleep 30\"'";
    SessionRef session = session("cam-reexec", List.of("sh", "-c", script));
    assertAliveUntilScreenShows(session, "settled");
  }

  /**
   * tmux ends a pane when its own process exits, even while a forked child still runs: the pane's
   * terminal is closed, so nothing the child prints can be seen any more. Dead is the right answer.
   */
  @Test
  void paneWhoseProcessExitedLeavingAChildBehindIsDead() {
    String script = "(trap '' HUP; sleep 5) & echo parent leaves; sleep 0.2; exit 0";
    SessionRef session = session("cam-orphan", List.of("sh", "-c", script));
    Await.until(() -> !transport.isAlive(session), WAIT, "the pane to die with its process");
    assertTrue(transport.capture(session, 0, false).text().contains("parent leaves"));
  }

  private void assertAliveUntilScreenShows(SessionRef session, String text) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    int checks = 0;
    while (!transport.capture(session, 0, false).text().contains(text)) {
      assertTrue(transport.isAlive(session), "reported dead during the restart, check " + checks);
      checks++;
      assertFalse(System.nanoTime() > deadline, "timed out waiting for '" + text + "'");
    }
    assertTrue(transport.isAlive(session));
    assertTrue(checks > 0, "the restart was watched");
  }

  private SessionRef session(String name, List<String> command) {
    return transport.create(new SessionSpec(name, null, dir.toString(), command, null, 80, 24));
  }
}
