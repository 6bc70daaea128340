package dev.cam.plugin.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.SessionSpec;
import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import dev.cam.plugin.tmux.testkit.Journal;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SshTransportIT {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  static KeyPair clientKey;
  static SshServerFixture server;
  @TempDir Path dir;
  Path keyFile;
  Path knownHosts;
  Path camKnownHosts;
  SshTransport transport;
  Machine machine;
  static int sessions;

  @BeforeAll
  static void startServer() throws Exception {
    clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    server = new SshServerFixture(clientKey.getPublic());
    server.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @BeforeEach
  void start() throws Exception {
    keyFile = SshServerFixture.writeKey(clientKey, dir.resolve("id_ed25519"));
    knownHosts = dir.resolve("known_hosts");
    camKnownHosts = dir.resolve("cam/known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine(server.hostKey()));
    machine = Machine.remote("127.0.0.1", SshServerFixture.USER, server.port(), null);
    transport = new SshTransport(settings(List.of(keyFile), null, false, "tmux"));
  }

  @AfterEach
  void stop() throws Exception {
    // Tests may have replaced the host key; clean-up talks to the real server.
    Files.writeString(knownHosts, server.knownHostsLine(server.hostKey()));
    Files.deleteIfExists(camKnownHosts);
    try {
      transport.list(machine).forEach(transport::kill);
    } finally {
      transport.close();
    }
  }

  SshSettings settings(List<Path> keys, String password, boolean acceptNew, String executable) {
    SshSettings base =
        SshServerFixture.clientSettings(
                knownHosts, camKnownHosts, acceptNew, null, tmux.socket().toString())
            .withLogin(keys, null, null, password);
    return new SshSettings(
        base.knownHosts(),
        base.camKnownHosts(),
        base.acceptNew(),
        base.sshConfig(),
        base.identities(),
        base.passphrase(),
        base.agentSocket(),
        base.password(),
        base.connectTimeout(),
        COMMAND_TIMEOUT,
        base.heartbeat(),
        base.backoffMax(),
        executable,
        base.tmuxSocket());
  }

  SessionRef agent(String... steps) throws Exception {
    Path script = FakeAgent.script(dir, steps);
    String name = "cam-s" + (++sessions);
    List<String> command = FakeAgent.command(script, dir.resolve("journal"));
    return transport.create(
        new SessionSpec(name, machine, dir.toString(), command, Map.of(), 100, 30));
  }

  Screen screenShowing(SessionRef session, String text) {
    return Await.value(
        () -> transport.capture(session, 0, false), s -> s.text().contains(text), WAIT);
  }

  boolean answers(SessionRef session) {
    try {
      transport.capture(session, 0, false);
      return true;
    } catch (TransportException e) {
      return false;
    }
  }

  List<String> journal(String event, int count) {
    Path file = dir.resolve("journal");
    Await.until(() -> Journal.texts(file, event).size() >= count, WAIT, count + " x " + event);
    return Journal.texts(file, event);
  }

  @Test
  void agentRunsAnswersAndEndsThroughSsh() throws Exception {
    SessionRef session = agent("say hello over ssh", "permission Run ls?", "ready", "ready");
    Screen dialog = screenShowing(session, "Do you want to proceed?");
    assertTrue(dialog.text().contains("⏺ hello over ssh"), dialog.text());
    assertEquals(100, dialog.width());
    assertEquals(30, dialog.height());
    assertEquals(List.of(session), transport.list(machine));
    assertTrue(transport.isAlive(session));

    transport.sendKeys(session, List.of("1"));
    assertEquals(List.of("yes"), journal("permission", 1));
    screenShowing(session, "│ ❯");
    String nasty = "it's \"$HOME\" `id` $(id) \\n; tmux kill-server; #{pane_id} ~ *;";
    transport.sendText(session, nasty);
    transport.sendKeys(session, List.of("Enter"));
    assertEquals(List.of(nasty), journal("prompt", 1));

    String big = "line one; 'quoted'\n".repeat(40) + "last line $(id)";
    transport.sendText(session, big);
    transport.sendKeys(session, List.of("Enter"));
    assertEquals(big, journal("prompt", 2).get(1));

    transport.kill(session);
    assertFalse(transport.isAlive(session));
    assertEquals(List.of(), transport.list(machine));
    transport.kill(session); // harmless twice
  }

  @Test
  void manySessionsShareOneConnection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<SessionRef>> created = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        created.add(pool.submit(() -> agent("say parallel", "ready")));
      }
      for (Future<SessionRef> future : created) {
        screenShowing(future.get(), "⏺ parallel");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(6, transport.list(machine).size());
    assertEquals(1, transport.openConnections());
    assertEquals(1, server.activeSessions());
  }

  @Test
  void unknownHostIsRefusedUntilAcceptedIntoCamsKnownHosts() throws Exception {
    Files.writeString(knownHosts, "");
    ConnectionReport refused = transport.test(machine);
    assertFalse(refused.reachable());
    assertTrue(refused.message().contains("is unknown"), refused.message());
    assertTrue(refused.message().contains("cam context test --accept-new"), refused.message());

    ConnectionReport accepted = transport.test(machine, true);
    assertTrue(accepted.reachable(), accepted.message());
    assertTrue(Files.readString(camKnownHosts).contains("[127.0.0.1]:" + server.port()));
    assertEquals("", Files.readString(knownHosts), "the person's known_hosts is only read");
    Await.until(() -> transport.test(machine).reachable(), WAIT, "the accepted key is known");
  }

  @Test
  void acceptNewSettingAddsTheKeyOnFirstConnect() throws Exception {
    Files.writeString(knownHosts, "");
    SshTransport accepting = new SshTransport(settings(List.of(keyFile), null, true, "tmux"));
    try {
      ConnectionReport report = accepting.test(machine);
      assertTrue(report.reachable(), report.message());
    } finally {
      accepting.close();
    }
    assertTrue(Files.readString(camKnownHosts).contains("[127.0.0.1]:" + server.port()));
  }

  @Test
  void aKeyChangedInCamsKnownHostsIsRefusedEvenWhenAcceptingNewOnes() throws Exception {
    KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    Files.writeString(knownHosts, "");
    Files.createDirectories(camKnownHosts.getParent());
    Files.writeString(camKnownHosts, server.knownHostsLine(other.getPublic()));
    ConnectionReport report = transport.test(machine, true);
    assertFalse(report.reachable());
    assertTrue(report.message().contains("CHANGED"), report.message());
    assertTrue(report.message().contains("-f " + camKnownHosts), report.message());
    assertEquals(1, Files.readAllLines(camKnownHosts).size(), "nothing added");
  }

  @Test
  void changedHostKeyIsRefusedEvenWithAcceptNewAndShowsTheFingerprint() throws Exception {
    KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    Files.writeString(knownHosts, server.knownHostsLine(other.getPublic()));
    SshTransport accepting = new SshTransport(settings(List.of(keyFile), null, true, "tmux"));
    try {
      TransportException e = assertThrows(TransportException.class, () -> accepting.list(machine));
      assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
      assertTrue(
          e.getMessage().contains(KeyUtils.getFingerPrint(server.hostKey())), e.getMessage());
      assertTrue(
          e.getMessage().contains(KeyUtils.getFingerPrint(other.getPublic())), e.getMessage());
    } finally {
      accepting.close();
    }
  }

  @Test
  void wrongKeyIsRefusedWithWhatToFix() throws Exception {
    KeyPair stranger = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Path strangerFile = SshServerFixture.writeKey(stranger, dir.resolve("stranger"));
    Machine withKey = Machine.remote("127.0.0.1", "cam", server.port(), strangerFile.toString());
    SshTransport keyless = new SshTransport(settings(List.of(), null, false, "tmux"));
    try {
      TransportException e = assertThrows(TransportException.class, () -> keyless.list(withKey));
      assertTrue(e.getMessage().contains("refused the login"), e.getMessage());
      assertTrue(e.getMessage().contains("authorized_keys"), e.getMessage());
    } finally {
      keyless.close();
    }
  }

  @Test
  void passwordLoginWorks() {
    SshTransport withPassword =
        new SshTransport(settings(List.of(), SshServerFixture.PASSWORD, false, "tmux"));
    try {
      ConnectionReport report = withPassword.test(machine);
      assertTrue(report.reachable(), report.message());
      assertTrue(report.tmuxVersion() != null && !report.tmuxVersion().isBlank());
      assertTrue(report.latency().compareTo(COMMAND_TIMEOUT) < 0);
    } finally {
      withPassword.close();
    }
  }

  @Test
  void missingRemoteTmuxIsReported() {
    SshTransport noTmux =
        new SshTransport(settings(List.of(keyFile), null, false, "/nonexistent/tmux"));
    try {
      TransportException e = assertThrows(TransportException.class, () -> noTmux.list(machine));
      assertTrue(e.getMessage().contains("tmux is not installed"), e.getMessage());
      ConnectionReport report = noTmux.test(machine);
      assertTrue(report.reachable());
      assertNull(report.tmuxVersion());
    } finally {
      noTmux.close();
    }
  }

  @Test
  void hostDownIsReportedAndTheConnectionComesBackWithTheHost() throws Exception {
    SessionRef session = agent("say still here", "ready");
    screenShowing(session, "⏺ still here");
    server.stop();
    try {
      long start = System.nanoTime();
      TransportException e =
          assertThrows(TransportException.class, () -> transport.capture(session, 0, false));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(COMMAND_TIMEOUT.plusSeconds(1)) < 0, "took " + took);
      assertTrue(
          e.getMessage().contains("cut") || e.getMessage().contains("cannot connect"),
          e.getMessage());
    } finally {
      server.start();
    }
    Await.until(() -> answers(session), WAIT, "capture after the server is back");
    Screen back = screenShowing(session, "⏺ still here");
    assertTrue(back.text().contains("│ ❯"), back.text());
    assertEquals(1, transport.openConnections());
  }

  @Test
  void aSessionThatEndedDuringACutIsGoneAfterTheReconnect() throws Exception {
    SessionRef session = agent("say soon gone", "ready");
    screenShowing(session, "⏺ soon gone");
    server.stop();
    try {
      assertThrows(TransportException.class, () -> transport.capture(session, 0, false));
      tmux.tmux("kill-session", "-t", "=" + session.name()); // ends while CAM cannot look
    } finally {
      server.start();
    }
    Await.until(() -> goneAfterReconnect(session), WAIT, "isAlive false after the reconnect");
    TransportException e =
        assertThrows(TransportException.class, () -> transport.capture(session, 0, false));
    assertTrue(e.getMessage().contains("is gone"), e.getMessage());
  }

  boolean goneAfterReconnect(SessionRef session) {
    try {
      return !transport.isAlive(session);
    } catch (TransportException e) {
      return false; // still reconnecting
    }
  }

  static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void killEndsWhatThePaneLeftRunning() throws Exception {
    Path pidFile = dir.resolve("child.pid");
    // A child that ignores the hang-up tmux sends and TERM too: only KILL ends it.
    String script =
        "(trap '' HUP TERM; exec sleep 777) & echo $! > '" + pidFile + "'; exec sleep 1000";
    SessionRef session =
        transport.create(
            new SessionSpec(
                "cam-tree",
                machine,
                dir.toString(),
                List.of("sh", "-c", script),
                Map.of(),
                80,
                24));
    Await.until(() -> readOrEmpty(pidFile).endsWith("\n"), WAIT, "the child's pid");
    ProcessHandle child =
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();

    transport.kill(session);

    Await.until(() -> !child.isAlive(), WAIT, "the child ended by the kill");
    assertFalse(transport.isAlive(session));
    assertEquals(List.of(), transport.list(machine));
  }

  @Test
  void sshConfigAliasGivesHostNameUserPortAndIdentityFile() throws Exception {
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        "Host build-box\n  HostName 127.0.0.1\n  User cam\n  Port "
            + server.port()
            + "\n  IdentityFile "
            + keyFile
            + "\n");
    SshTransport aliased =
        new SshTransport(
            SshServerFixture.clientSettings(
                knownHosts, camKnownHosts, false, config, tmux.socket().toString()));
    try {
      ConnectionReport report = aliased.test(Machine.remote("build-box", null, 0, null));
      assertTrue(report.reachable(), report.message());
    } finally {
      aliased.close();
    }
  }

  @Test
  void closeEndsTheClientThreads() {
    SshTransport used = new SshTransport(settings(List.of(keyFile), null, false, "tmux"));
    used.list(machine);
    assertTrue(clientThreads() > 0, "the client runs threads while connected");
    used.close();
    transport.close();
    Await.until(() -> clientThreads() == 0, WAIT, "no SSH client thread left after close()");
    transport = new SshTransport(settings(List.of(keyFile), null, false, "tmux"));
  }

  static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().contains("SshClient"))
        .count();
  }

  @Test
  void attachCommandUsesSshWithPortAndKey() {
    Machine withKey = Machine.remote("build-box", "ana", 2222, "/keys/id_ed25519");
    SessionRef session = new SessionRef("ssh", withKey, "cam-1a2b");
    assertEquals(
        List.of(
            "ssh",
            "-t",
            "-p",
            "2222",
            "-i",
            "/keys/id_ed25519",
            "ana@build-box",
            "tmux",
            "-S",
            tmux.socket().toString(),
            "attach",
            "-t",
            "cam-1a2b"),
        transport.attachCommand(session));
  }
}
