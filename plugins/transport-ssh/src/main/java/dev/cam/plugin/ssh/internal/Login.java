package dev.cam.plugin.ssh.internal;

import dev.cam.api.Machine;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.SshSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.OsUtils;

/**
 * One attempt to reach a machine: resolve it through {@code ~/.ssh/config}, connect, check its host
 * key, authenticate (the machine's key file, config identities, ssh-agent's keys, CAM's usual keys,
 * then a password if one is set). Each way of failing gets a message that says what to fix.
 */
final class Login {
  private static final int SSH_PORT = 22;
  private final SshClient client;
  private final SshSettings settings;
  private final Machine machine;
  private final KeyFiles keys;

  Login(SshClient client, SshSettings settings, Machine machine) {
    this.client = client;
    this.settings = settings;
    this.machine = machine;
    this.keys = new KeyFiles(settings.passphrase());
  }

  ClientSession connect() {
    HostConfigEntry entry = resolve();
    String where = entry.getUsername() + "@" + entry.getHostName() + ":" + entry.getPort();
    ClientSession session;
    List<String> problems = new ArrayList<>();
    try {
      session = client.connect(entry).verify(settings.connectTimeout()).getSession();
    } catch (IOException | UnresolvedAddressException e) {
      String refusal = ((HostKeyCheck) client.getServerKeyVerifier()).closedSessionRefusal();
      if (refusal != null) {
        throw new TransportException("refused to connect to " + where + ": " + refusal, e);
      }
      throw unreachable(where, e);
    }
    try {
      addIdentities(session, problems);
      session.auth().verify(settings.connectTimeout());
      return session;
    } catch (IOException | RuntimeException e) {
      String refusal = ((HostKeyCheck) client.getServerKeyVerifier()).refusal(session);
      session.close(true);
      if (refusal != null) {
        throw new TransportException("refused to log in to " + where + ": " + refusal, e);
      }
      if (e instanceof TransportException t) {
        throw t;
      }
      throw new TransportException(
          where
              + " refused the login ("
              + e.getMessage()
              + "): put the public key of the context's key file (or of ~/.ssh/id_ed25519,"
              + " id_ecdsa, id_rsa) into ~/.ssh/authorized_keys of "
              + entry.getUsername()
              + " there, or give the context the right user and key file"
              + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)),
          e);
    }
  }

  /** Host name, user and port from the machine, completed by {@code ~/.ssh/config}. */
  private HostConfigEntry resolve() {
    HostConfigEntry entry;
    try {
      entry =
          client
              .getHostConfigEntryResolver()
              .resolveEffectiveHost(
                  machine.host(), machine.port(), null, machine.user(), null, null);
    } catch (IOException e) {
      throw new TransportException(
          "cannot read " + settings.sshConfig() + ": " + e.getMessage() + "; fix the file", e);
    }
    if (entry == null) {
      entry = new HostConfigEntry(machine.host(), machine.host(), machine.port(), machine.user());
    }
    if (entry.getUsername() == null || entry.getUsername().isBlank()) {
      entry.setUsername(OsUtils.getCurrentUser());
    }
    if (entry.getPort() <= 0) {
      entry.setPort(SSH_PORT);
    }
    return entry;
  }

  /**
   * The machine's key file (which must be readable), then CAM's usual keys (skipped with a note
   * when they cannot be read), then the password; ssh-agent's keys come through the client.
   */
  private void addIdentities(ClientSession session, List<String> problems) {
    if (machine.keyFile() != null) {
      keys.load(session, Path.of(machine.keyFile())).forEach(session::addPublicKeyIdentity);
    }
    keys.loadEach(session, settings.identities(), problems).forEach(session::addPublicKeyIdentity);
    if (settings.password() != null) {
      session.addPasswordIdentity(settings.password());
    }
  }

  private TransportException unreachable(String where, Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (e instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
      return new TransportException(
          "host " + machine.host() + " is unknown: check the name, DNS or ~/.ssh/config", e);
    }
    if (cause instanceof ConnectException) {
      return new TransportException(
          "cannot connect to "
              + where
              + " ("
              + cause.getMessage()
              + "): is the host up, sshd running there and the port right?",
          e);
    }
    return new TransportException(
        "no SSH connection to "
            + where
            + " within "
            + settings.connectTimeout().toMillis()
            + " ms ("
            + e.getMessage()
            + "): is the host up and reachable from here?",
        e);
  }
}
