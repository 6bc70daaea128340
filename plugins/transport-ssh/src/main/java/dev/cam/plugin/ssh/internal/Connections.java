package dev.cam.plugin.ssh.internal;

import dev.cam.api.Machine;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * One authenticated SSH connection per host, shared by every session there. A dropped connection is
 * re-established by the next call that needs it; after a failed attempt the next one waits
 * (doubling up to {@link SshSettings#backoffMax()}) so a host that is down is not hammered, and
 * callers in the meantime get the last failure at once instead of waiting for a timeout.
 *
 * <p>Threading: calls for one host are serialised while connecting; different hosts connect in
 * parallel. {@link #close()} closes every connection and stops the client's threads.
 */
public final class Connections implements AutoCloseable {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private final SshSettings settings;
  private final SshClient client;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private boolean started;
  private boolean closed;

  public Connections(SshSettings settings) {
    this.settings = settings;
    this.client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(
        new HostKeyCheck(settings.knownHosts(), settings.camKnownHosts(), settings.acceptNew()));
    client.setHostConfigEntryResolver(
        settings.sshConfig() != null && Files.isReadable(settings.sshConfig())
            ? new ConfigFileHostEntryResolver(settings.sshConfig())
            : HostConfigEntryResolver.EMPTY);
    client.setFilePasswordProvider(new KeyFiles(settings.passphrase()).passwords());
    if (settings.agentSocket() != null && Files.exists(settings.agentSocket())) {
      client.setAgentFactory(
          new UnixAgentFactory(settings.agentSocket(), settings.connectTimeout()));
    }
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.heartbeat());
    CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
    CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.connectTimeout());
  }

  /** The open, authenticated session to the machine, connecting first if needed. */
  public ClientSession session(Machine machine) {
    start();
    return slots.computeIfAbsent(key(machine), k -> new Slot(machine)).session();
  }

  /** How many connections are open now (one per host in use). */
  public int openCount() {
    return (int) slots.values().stream().filter(Slot::isOpen).count();
  }

  /** Starts the client's threads on first use: a CAM without remote machines runs none. */
  private synchronized void start() {
    if (closed) {
      throw new TransportException("the ssh transport is closed: CAM is stopping its plugins");
    }
    if (!started) {
      client.start();
      started = true;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    slots.values().forEach(Slot::close);
    try {
      client.stop();
      client.close();
    } catch (IOException e) {
      // closing: nothing left to do with a failure
    }
  }

  private static String key(Machine machine) {
    return machine.label() + (machine.keyFile() == null ? "" : " " + machine.keyFile());
  }

  /** The connection to one host and its reconnect schedule. */
  private final class Slot {
    private final Machine machine;
    private ClientSession session;
    private TransportException lastFailure;
    private long retryAt;
    private Duration backoff = FIRST_BACKOFF;

    Slot(Machine machine) {
      this.machine = machine;
    }

    synchronized ClientSession session() {
      if (isOpen()) {
        return session;
      }
      long now = System.nanoTime();
      if (lastFailure != null && now < retryAt) {
        throw new TransportException(
            lastFailure.getMessage()
                + " (next attempt in "
                + Math.max(1, (retryAt - now) / 1_000_000)
                + " ms)",
            lastFailure);
      }
      try {
        session = new Login(client, settings, machine).connect();
        lastFailure = null;
        backoff = FIRST_BACKOFF;
        return session;
      } catch (TransportException e) {
        lastFailure = e;
        retryAt = System.nanoTime() + backoff.toNanos();
        Duration next = backoff.multipliedBy(2);
        backoff = next.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : next;
        throw e;
      }
    }

    synchronized boolean isOpen() {
      return session != null && session.isOpen() && !session.isClosing();
    }

    synchronized void close() {
      if (session != null) {
        session.close(true);
      }
    }
  }
}
