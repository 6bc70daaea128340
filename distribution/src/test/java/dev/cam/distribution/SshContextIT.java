package dev.cam.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.plugin.tmux.testkit.Prerequisites;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped transport-ssh plugin in the real distribution: it loads on top of transport-tmux (its
 * tmux command lines come from that plugin's classes) and {@code cam context test} reaches an SSH
 * server on 127.0.0.1, refusing its unknown host key until {@code --accept-new}.
 */
class SshContextIT {
  private static final Path CAM = Path.of(System.getProperty("cam.dist"), "bin/cam");
  @TempDir Path temp;
  private SshServer server;
  private Map<String, String> env;

  @BeforeEach
  void startServer() throws Exception {
    Prerequisites.tmux();
    KeyPair client = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setKeyPairProvider(
        KeyPairProvider.wrap(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256)));
    server.setPublickeyAuthenticator(
        (user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
    server.setCommandFactory(
        (channel, command) ->
            new ProcessShellFactory("/bin/sh", "/bin/sh", "-c", command).createShell(channel));
    server.start();
    Path key = temp.resolve("id_ecdsa");
    try (OutputStream out = Files.newOutputStream(key)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(client, "cam-test", null, out);
    }
    Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "");
    env =
        Map.of(
            "CAM_SSH_KNOWN_HOSTS", knownHosts.toString(),
            "CAM_SSH_TMUX_SOCKET", temp.resolve("remote-tmux").toString());
    CamRun added =
        cam(
            "context",
            "add",
            "box",
            temp.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(server.getPort()),
            "--user",
            "cam",
            "--key",
            key.toString());
    assertEquals(0, added.exitCode(), added.err());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.stop(true);
  }

  @Test
  void anUnknownHostIsRefusedUntilAcceptedIntoCamsKnownHosts() throws Exception {
    CamRun refused = cam("context", "test", "box");
    assertEquals(1, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.out().contains("cam context test --accept-new"), refused.out());

    CamRun accepted = cam("context", "test", "--accept-new", "box");
    assertEquals(0, accepted.exitCode(), accepted.out() + accepted.err());
    assertTrue(accepted.out().contains(" ok "), accepted.out());
    Path camKnownHosts = temp.resolve("config/known_hosts");
    assertTrue(
        Files.readString(camKnownHosts).contains("[127.0.0.1]:" + server.getPort()),
        "CAM's known_hosts has the key");
    assertEquals(
        "", Files.readString(temp.resolve("known_hosts")), "the person's file is read only");

    CamRun again = cam("context", "test", "box");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("tmux "), again.out());
  }

  private CamRun cam(String... args) throws Exception {
    return CamRun.of(CAM, temp, env, args);
  }
}
