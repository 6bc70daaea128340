package dev.cam.plugin.ssh;

import dev.cam.api.Config;
import dev.cam.api.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link SshTransport} connects and where it finds tmux on remote machines.
 *
 * <p>Config keys: {@code ssh.accept_new}, {@code ssh.known_hosts}, {@code ssh.config}, {@code
 * ssh.key_passphrase}, {@code ssh.connect_timeout}, {@code ssh.command_timeout}, {@code
 * ssh.tmux_socket}, {@code ssh.tmux_executable}; the environment's {@code SSH_AUTH_SOCK}.
 *
 * @param knownHosts the person's host keys (OpenSSH's file), read only
 * @param camKnownHosts CAM's own host keys: read too, and where accepted new keys are written
 * @param acceptNew whether an unknown host is trusted on first connect (and added to camKnownHosts)
 * @param sshConfig OpenSSH client config for Host aliases, or {@code null} for none
 * @param identities private keys tried for every host (files that do not exist are skipped)
 * @param passphrase the passphrase of encrypted private keys, or {@code null}
 * @param agentSocket the unix socket of a running ssh-agent, or {@code null} for none
 * @param password a password to try after the keys, or {@code null}
 * @param connectTimeout connecting and authenticating
 * @param commandTimeout one remote command
 * @param heartbeat interval of keep-alive requests on an idle connection
 * @param backoffMax longest wait between two attempts to reach a host that is down
 * @param tmuxExecutable tmux on the remote machines
 * @param tmuxSocket a socket name for {@code tmux -L}, or a path (with {@code /}) for {@code -S}
 */
public record SshSettings(
    Path knownHosts,
    Path camKnownHosts,
    boolean acceptNew,
    Path sshConfig,
    List<Path> identities,
    String passphrase,
    Path agentSocket,
    String password,
    Duration connectTimeout,
    Duration commandTimeout,
    Duration heartbeat,
    Duration backoffMax,
    String tmuxExecutable,
    String tmuxSocket) {
  /** CAM's tmux socket name on remote machines. */
  public static final String DEFAULT_SOCKET = "cam";

  public SshSettings {
    if (knownHosts == null || camKnownHosts == null) {
      throw new InvalidInputException("ssh.known_hosts is empty: give the known_hosts file");
    }
    identities = List.copyOf(identities);
    if (tmuxExecutable == null || tmuxExecutable.isBlank()) {
      throw new InvalidInputException("ssh.tmux_executable is empty: give tmux's remote path");
    }
    if (tmuxSocket == null || tmuxSocket.isBlank()) {
      throw new InvalidInputException("ssh.tmux_socket is empty: give a name such as cam");
    }
    for (Duration d : List.of(connectTimeout, commandTimeout, heartbeat, backoffMax)) {
      if (d.isNegative() || d.isZero()) {
        throw new InvalidInputException("ssh timeouts and intervals must be positive, not " + d);
      }
    }
  }

  /**
   * OpenSSH's usual files under {@code sshDir} ({@code ~/.ssh}), CAM's known_hosts in {@code
   * camDir} (its config directory), CAM's defaults otherwise; no ssh-agent.
   */
  public static SshSettings defaults(Path sshDir, Path camDir) {
    return new SshSettings(
        sshDir.resolve("known_hosts"),
        camDir.resolve("known_hosts"),
        false,
        sshDir.resolve("config"),
        List.of(sshDir.resolve("id_ed25519"), sshDir.resolve("id_ecdsa"), sshDir.resolve("id_rsa")),
        null,
        null,
        null,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        "tmux",
        DEFAULT_SOCKET);
  }

  /** Settings from CAM's configuration and the environment; {@code ~} in paths is the home. */
  public static SshSettings fromConfig(Config config, Path configDir, String authSock) {
    Path home = Path.of(System.getProperty("user.home"));
    SshSettings base = defaults(home.resolve(".ssh"), configDir);
    return new SshSettings(
        config.get("ssh.known_hosts").map(p -> expand(p, home)).orElse(base.knownHosts()),
        base.camKnownHosts(),
        config.get("ssh.accept_new").isPresent() && config.getBoolean("ssh.accept_new"),
        config.get("ssh.config").map(p -> expand(p, home)).orElse(base.sshConfig()),
        base.identities(),
        config.get("ssh.key_passphrase").filter(p -> !p.isEmpty()).orElse(null),
        authSock == null || authSock.isBlank() ? null : Path.of(authSock),
        null,
        config.get("ssh.connect_timeout").isPresent()
            ? config.getDuration("ssh.connect_timeout")
            : base.connectTimeout(),
        config.get("ssh.command_timeout").isPresent()
            ? config.getDuration("ssh.command_timeout")
            : base.commandTimeout(),
        base.heartbeat(),
        base.backoffMax(),
        config.get("ssh.tmux_executable").orElse(base.tmuxExecutable()).trim(),
        config.get("ssh.tmux_socket").orElse(base.tmuxSocket()).trim());
  }

  /** The same settings with unknown hosts accepted (or not). */
  public SshSettings withAcceptNew(boolean accept) {
    return new SshSettings(
        knownHosts,
        camKnownHosts,
        accept,
        sshConfig,
        identities,
        passphrase,
        agentSocket,
        password,
        connectTimeout,
        commandTimeout,
        heartbeat,
        backoffMax,
        tmuxExecutable,
        tmuxSocket);
  }

  /** The same settings with these keys, passphrase, ssh-agent socket and password. */
  public SshSettings withLogin(
      List<Path> keys, String keyPassphrase, Path agent, String loginPassword) {
    return new SshSettings(
        knownHosts,
        camKnownHosts,
        acceptNew,
        sshConfig,
        keys,
        keyPassphrase,
        agent,
        loginPassword,
        connectTimeout,
        commandTimeout,
        heartbeat,
        backoffMax,
        tmuxExecutable,
        tmuxSocket);
  }

  @Override
  public String toString() {
    // The passphrase and password stay out of logs and messages.
    return "SshSettings[knownHosts="
        + knownHosts
        + ", camKnownHosts="
        + camKnownHosts
        + ", acceptNew="
        + acceptNew
        + ", agentSocket="
        + agentSocket
        + ", tmux="
        + tmuxExecutable
        + " "
        + tmuxSocket
        + "]";
  }

  private static Path expand(String path, Path home) {
    String p = path.trim();
    return p.equals("~") ? home : p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
  }
}
