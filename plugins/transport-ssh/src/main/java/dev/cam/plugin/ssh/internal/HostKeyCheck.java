package dev.cam.plugin.ssh.internal;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks host keys against a known_hosts file the way OpenSSH does with {@code
 * StrictHostKeyChecking=yes} (or {@code accept-new} when asked): a known key passes, an unknown
 * host is refused (or added to the file), a changed key is always refused. Why a key was refused is
 * kept until {@link #refusal} collects it, so the connect error can say what to fix (a session's
 * own attributes are cleared when the refusal closes it).
 */
public final class HostKeyCheck extends KnownHostsServerKeyVerifier {
  private final Path file;
  private final boolean acceptNew;
  private final Map<ClientSession, String> refusals = new ConcurrentHashMap<>();

  public HostKeyCheck(Path knownHosts, boolean acceptNew) {
    super(
        acceptNew ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE,
        knownHosts);
    this.file = knownHosts;
    this.acceptNew = acceptNew;
    setModifiedServerKeyAcceptor(this);
  }

  @Override
  protected boolean acceptUnknownHostKey(
      ClientSession session, SocketAddress remote, PublicKey serverKey) {
    if (!acceptNew) {
      refusals.put(
          session,
          "the host key of "
              + remote
              + " is unknown ("
              + describe(serverKey)
              + ", not in "
              + file
              + "): check it and connect once with ssh, or accept it with"
              + " `cam context test --accept-new` or the setting ssh.accept_new = true");
      return false;
    }
    return super.acceptUnknownHostKey(session, remote, serverKey);
  }

  @Override
  public boolean acceptModifiedServerKey(
      ClientSession session,
      SocketAddress remote,
      KnownHostEntry entry,
      PublicKey expected,
      PublicKey actual) {
    refusals.put(
        session,
        "the host key of "
            + remote
            + " has CHANGED: "
            + file
            + " has "
            + describe(expected)
            + ", the server offers "
            + describe(actual)
            + ". Someone may be intercepting the connection; if the change is expected,"
            + " remove the old key with: ssh-keygen -R '"
            + entry.getConfigLine().split(" ")[0]
            + "' -f "
            + file);
    return false;
  }

  /** Why the session's host key was refused, or {@code null}; forgets it. */
  public String refusal(ClientSession session) {
    return refusals.remove(session);
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(key);
  }
}
