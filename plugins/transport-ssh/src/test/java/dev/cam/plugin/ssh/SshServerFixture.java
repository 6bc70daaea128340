package dev.cam.plugin.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * An SSH server on 127.0.0.1 that runs every exec command with {@code /bin/sh -c} as this user:
 * public-key login for the given keys, password login with {@link #PASSWORD}. It can be stopped and
 * started again on the same port with the same host key, like a machine that reboots.
 */
final class SshServerFixture implements AutoCloseable {
  static final String USER = "cam";
  static final String PASSWORD = "open sesame";
  private final KeyPair hostKey;
  private final List<PublicKey> authorized;
  private final AtomicInteger forwards = new AtomicInteger();
  private SshServer server;
  private int port;
  private boolean forwarding;

  SshServerFixture(PublicKey... authorized) throws GeneralSecurityException {
    this.hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    this.authorized = List.of(authorized);
  }

  /** Lets clients open TCP connections through this server, as a jump host does; before start. */
  SshServerFixture allowForwarding() {
    forwarding = true;
    return this;
  }

  /** How many TCP connections clients opened through this server. */
  int forwards() {
    return forwards.get();
  }

  /** Starts listening (on a new port the first time, on the same port afterwards). */
  void start() throws IOException {
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setPublickeyAuthenticator(
        (user, key, session) -> authorized.stream().anyMatch(k -> KeyUtils.compareKeys(key, k)));
    server.setPasswordAuthenticator((user, password, session) -> PASSWORD.equals(password));
    server.setCommandFactory(
        (channel, command) ->
            new ProcessShellFactory("/bin/sh", "/bin/sh", "-c", command).createShell(channel));
    if (forwarding) {
      server.setForwardingFilter(
          new StaticDecisionForwardingFilter(true) {
            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
              forwards.incrementAndGet();
              return "127.0.0.1".equals(address.getHostName());
            }
          });
    }
    server.start();
    port = server.getPort();
  }

  /** Stops the server and drops every connection at once. */
  void stop() throws IOException {
    if (server != null) {
      server.stop(true);
      server = null;
    }
  }

  int port() {
    return port;
  }

  /** How many SSH connections the server holds now. */
  int activeSessions() {
    return server.getActiveSessions().size();
  }

  PublicKey hostKey() {
    return hostKey.getPublic();
  }

  /** The known_hosts line for this server with the given key. */
  String knownHostsLine(PublicKey key) {
    return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key) + "\n";
  }

  /**
   * Client settings for tests: these known_hosts files and SSH config (or none), no login yet
   * ({@link SshSettings#withLogin}), short timeouts, quick reconnects, tmux on {@code tmuxSocket}.
   */
  static SshSettings clientSettings(
      Path knownHosts, Path camKnownHosts, boolean acceptNew, Path sshConfig, String tmuxSocket) {
    return new SshSettings(
        knownHosts,
        camKnownHosts,
        acceptNew,
        sshConfig,
        List.of(),
        null,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofMillis(400),
        "tmux",
        tmuxSocket);
  }

  /** Writes a private key in OpenSSH format, as ssh-keygen would. */
  static Path writeKey(KeyPair pair, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "cam-test", null, out);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
