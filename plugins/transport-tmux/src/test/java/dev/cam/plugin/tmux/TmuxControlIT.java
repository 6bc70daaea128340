package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Machine;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.Subscription;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands of watched sessions go over the control client; tmux is started as a process only where
 * it must be. The tmux executable is a script that logs each invocation before running tmux.
 */
class TmuxControlIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  private Path log;
  private TmuxTransport transport;

  @BeforeEach
  void start() throws IOException {
    log = dir.resolve("tmux.log");
    Path wrapper = dir.resolve("tmux-logged");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec tmux \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    transport =
        new TmuxTransport(new TmuxSettings(wrapper.toString(), null, tmux.socket(), null, 10_000));
  }

  @AfterEach
  void stop() {
    transport.list(Machine.LOCAL).forEach(transport::kill);
    transport.close();
  }

  private SessionRef readyAgent(String name) throws IOException {
    Path script = FakeAgent.script(dir, "ready", "ready");
    SessionRef session =
        transport.create(
            new SessionSpec(
                name, null, dir.toString(), FakeAgent.command(script, null), null, 100, 30));
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("│ ❯"), WAIT);
    return session;
  }

  private long processes(String command) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains(command)).count();
  }

  @Test
  void watchedSessionIsCapturedTypedIntoAndCheckedWithoutAProcessPerCall() throws Exception {
    SessionRef session = readyAgent("cam-c1");
    Subscription watch = transport.watch(session, () -> {});
    long captures = processes("capture-pane");
    long keys = processes("send-keys");
    long alive = processes("list-panes -s");

    for (int i = 0; i < 20; i++) {
      transport.sendText(session, "é" + i);
      assertTrue(transport.isAlive(session));
    }
    transport.sendKeys(session, List.of("Enter"));
    Await.value(() -> transport.capture(session, 0, false), s -> s.text().contains("> é0é1"), WAIT);

    assertEquals(captures, processes("capture-pane"), "captures ran as processes");
    assertEquals(keys, processes("send-keys"), "keys ran as processes");
    assertEquals(alive, processes("list-panes -s"), "liveness checks ran as processes");
    watch.close();
    transport.capture(session, 0, false);
    assertEquals(captures + 1, processes("capture-pane"), "unwatched, a process captures");
  }

  @Test
  void serverKilledWhileWatchingIsNotStartedAgain() throws Exception {
    SessionRef session = readyAgent("cam-c2");
    transport.watch(session, () -> {});
    assertTrue(transport.activityClientPid() > 0);

    tmux.tmux("kill-server");
    Await.until(() -> transport.activityClientPid() < 0, WAIT, "the control client to end");
    // The client is restarted after 50-100 ms when it ends early; give it several chances.
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < until) {
      assertFalse(serverRuns(), "a tmux server was started again");
    }
    assertFalse(transport.isAlive(session));
  }

  /** Whether a server answers on the fixture's socket (the socket file outlives the server). */
  private static boolean serverRuns() throws IOException, InterruptedException {
    Process list =
        new ProcessBuilder(tmux.command("-N", "list-sessions")).redirectErrorStream(true).start();
    list.getInputStream().readAllBytes();
    return list.waitFor() == 0;
  }
}
