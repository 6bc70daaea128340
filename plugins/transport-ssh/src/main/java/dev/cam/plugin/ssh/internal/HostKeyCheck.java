package dev.cam.plugin.ssh.internal;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks host keys against a known_hosts file the way OpenSSH does with {@code
 * StrictHostKeyChecking=yes} (or {@code accept-new} when asked): a known key passes, an unknown
 * host is refused (or added to the file), a changed key is always refused. Why a key was refused is
 * left on the session ({@link #REFUSAL}) so the connect error can say what to fix.
 */
public final class HostKeyCheck extends KnownHostsServerKeyVerifier {
  /** Why the host key was refused, for the message. */
  public static final AttributeKey<String> REFUSAL = new AttributeKey<>();

  private final Path file;
  private final boolean acceptNew;

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
      session.setAttribute(
          REFUSAL,
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
    session.setAttribute(
        REFUSAL,
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

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(key);
  }
}
