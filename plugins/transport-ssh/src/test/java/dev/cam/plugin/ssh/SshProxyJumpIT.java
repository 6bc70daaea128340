package dev.cam.plugin.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.plugin.tmux.testkit.TmuxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine reached through a jump host named by {@code ProxyJump} in the SSH config: two embedded
 * servers on 127.0.0.1, the jump host forwarding, and both host keys checked.
 */
class SshProxyJumpIT {
  @RegisterExtension static final TmuxFixture tmux = new TmuxFixture();
  @TempDir Path dir;
  private SshServerFixture jump;
  private SshServerFixture target;
  private Path keyFile;
  private Path knownHosts;

  @BeforeEach
  void start() throws Exception {
    KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    jump = new SshServerFixture(clientKey.getPublic()).allowForwarding();
    jump.start();
    target = new SshServerFixture(clientKey.getPublic());
    target.start();
    keyFile = SshServerFixture.writeKey(clientKey, dir.resolve("id_ed25519"));
    knownHosts = dir.resolve("known_hosts");
  }

  @AfterEach
  void stop() throws Exception {
    target.close();
    jump.close();
  }

  @Test
  void aProxyJumpHostCarriesTheConnectionAndBothHostKeysAreChecked() throws Exception {
    Files.writeString(
        knownHosts, jump.knownHostsLine(jump.hostKey()) + target.knownHostsLine(target.hostKey()));
    SshTransport transport = transport();
    try {
      ConnectionReport report = transport.test(Machine.remote("inside", null, 0, null));

      assertTrue(report.reachable(), report.message());
      assertTrue(jump.forwards() > 0, "the connection went through the jump host");
      assertEquals(1, target.activeSessions(), "the target holds the forwarded session");
    } finally {
      transport.close();
    }
  }

  @Test
  void anUnknownJumpHostIsRefused() throws Exception {
    Files.writeString(knownHosts, target.knownHostsLine(target.hostKey()));
    SshTransport transport = transport();
    try {
      ConnectionReport report = transport.test(Machine.remote("inside", null, 0, null));

      assertFalse(report.reachable(), report.message());
      assertTrue(
          report.message().contains(String.valueOf(jump.port()))
              && report.message().contains("--accept-new"),
          "names the jump host and what to do: " + report.message());
      assertEquals(0, jump.forwards(), "nothing was forwarded for an unverified jump host");
    } finally {
      transport.close();
    }
  }

  private SshTransport transport() throws Exception {
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        "Host jumper\n  HostName 127.0.0.1\n  User cam\n  Port "
            + jump.port()
            + "\n  IdentityFile "
            + keyFile
            + "\n\nHost inside\n  HostName 127.0.0.1\n  User cam\n  Port "
            + target.port()
            + "\n  IdentityFile "
            + keyFile
            + "\n  ProxyJump jumper\n");
    return new SshTransport(
        SshServerFixture.clientSettings(
            knownHosts, dir.resolve("cam/known_hosts"), false, config, tmux.socket().toString()));
  }
}
