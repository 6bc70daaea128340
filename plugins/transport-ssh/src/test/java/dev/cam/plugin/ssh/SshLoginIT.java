package dev.cam.plugin.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.plugin.tmux.testkit.Await;
import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins as OpenSSH users have them, against the embedded server: a key held by a real ssh-agent
 * ({@code SSH_AUTH_SOCK}) and a passphrase-protected key made by ssh-keygen.
 */
class SshLoginIT {
  static final String PASSPHRASE = "correct horse battery";
  static final Duration WAIT = Duration.ofSeconds(15);
  @TempDir static Path keys;
  static Path agentKey;
  static Path lockedKey;
  static SshServerFixture server;
  static Path agentDir;
  static Process agent;
  @TempDir Path dir;
  SshTransport transport;

  @BeforeAll
  static void start() throws Exception {
    Prerequisites.require(
        "ssh-keygen, ssh-agent and ssh-add",
        "install them with apt install openssh-client",
        "sh",
        "-c",
        "command -v ssh-keygen && command -v ssh-agent && command -v ssh-add");
    agentKey = keygen("agent_key", "");
    lockedKey = keygen("locked_key", PASSPHRASE);
    server = new SshServerFixture(publicKey(agentKey), publicKey(lockedKey));
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (agent != null) {
      agent.destroy();
      agent.waitFor(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (agentDir != null) {
      Files.deleteIfExists(agentDir.resolve("s"));
      Files.deleteIfExists(agentDir);
    }
  }

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  @Test
  void aKeyHeldByTheSshAgentLogsIn() throws Exception {
    Path socket = startAgent();
    run(List.of("ssh-add", agentKey.toString()), socket);

    ConnectionReport report = transport(List.of(), null, socket).test(machine());

    assertTrue(report.reachable(), report.message());
  }

  @Test
  void anEncryptedKeyLogsInWithThePassphraseFromTheConfig() {
    ConnectionReport report = transport(List.of(), PASSPHRASE, null).test(keyed(lockedKey));

    assertTrue(report.reachable(), report.message());
  }

  @Test
  void anEncryptedKeyWithoutPassphraseFailsAtOnceSayingHowToGiveIt() {
    long start = System.nanoTime();
    ConnectionReport report = transport(List.of(), null, null).test(keyed(lockedKey));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertFalse(report.reachable());
    assertTrue(report.message().contains("ssh.key_passphrase"), report.message());
    assertTrue(report.message().contains("CAM_SSH_KEY_PASSPHRASE"), report.message());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
  }

  @Test
  void anEncryptedDefaultKeyIsSkippedWithANoteWhileTheAgentLogsIn() throws Exception {
    Path socket = startAgent();
    run(List.of("ssh-add", agentKey.toString()), socket);

    ConnectionReport report = transport(List.of(lockedKey), null, socket).test(machine());

    assertTrue(report.reachable(), report.message());
  }

  @Test
  void aWrongPassphraseIsNamed() {
    ConnectionReport report = transport(List.of(), "wrong", null).test(keyed(lockedKey));

    assertFalse(report.reachable());
    assertTrue(report.message().contains("check the passphrase"), report.message());
  }

  private SshTransport transport(List<Path> identities, String passphrase, Path agentSocket) {
    Path knownHosts = dir.resolve("known_hosts");
    try {
      Files.writeString(knownHosts, server.knownHostsLine(server.hostKey()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    SshSettings base = SshSettings.defaults(dir.resolve("ssh"), dir.resolve("cam"));
    transport =
        new SshTransport(
            SshServerFixture.clientSettings(
                    knownHosts,
                    base.camKnownHosts(),
                    false,
                    null,
                    dir.resolve("no-server").toString())
                .withLogin(identities, passphrase, agentSocket, null));
    return transport;
  }

  private static Machine machine() {
    return Machine.remote("127.0.0.1", SshServerFixture.USER, server.port(), null);
  }

  /** The server's machine with a key file of its own, as a context gives it. */
  private static Machine keyed(Path key) {
    return Machine.remote("127.0.0.1", SshServerFixture.USER, server.port(), key.toString());
  }

  private static synchronized Path startAgent() throws Exception {
    if (agent == null) {
      // unix socket paths are short: not under the (possibly long) build directory
      agentDir = Files.createDirectories(Path.of("/tmp", "cam-agent-" + UUID.randomUUID()));
      Path socket = agentDir.resolve("s");
      agent =
          new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Await.until(() -> Files.exists(socket), WAIT, "ssh-agent's socket");
    }
    return agentDir.resolve("s");
  }

  private static Path keygen(String name, String passphrase) throws Exception {
    Path file = keys.resolve(name);
    run(
        List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", file.toString()),
        null);
    return file;
  }

  private static PublicKey publicKey(Path privateKey) throws Exception {
    String line = Files.readString(Path.of(privateKey + ".pub")).strip();
    return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, null);
  }

  private static void run(List<String> command, Path agentSocket) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (agentSocket != null) {
      builder.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
