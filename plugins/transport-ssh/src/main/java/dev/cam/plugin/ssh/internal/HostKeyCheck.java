package dev.cam.plugin.ssh.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ModifiedServerKeyAcceptor;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Checks host keys the way OpenSSH does with {@code StrictHostKeyChecking=yes} (or {@code
 * accept-new} when asked), against two files: the person's {@code ~/.ssh/known_hosts}, which CAM
 * only reads, then CAM's own known_hosts, where accepted keys are written. A key known in either
 * passes; an unknown host is refused (or added to CAM's file); a key that differs from a known one
 * is always refused. Why a key was refused is kept until {@link #refusal} collects it, so the
 * connect error can say what to fix (a session's own attributes are cleared when the refusal closes
 * it).
 */
public final class HostKeyCheck implements ServerKeyVerifier {
  private final Path userFile;
  private final Path camFile;
  private final boolean acceptNew;
  private final Map<ClientSession, String> refusals = new ConcurrentHashMap<>();
  private final KnownHostsServerKeyVerifier user;
  private final KnownHostsServerKeyVerifier cam;

  public HostKeyCheck(Path userFile, Path camFile, boolean acceptNew) {
    this.userFile = userFile;
    this.camFile = camFile;
    this.acceptNew = acceptNew;
    this.cam = new KnownHostsServerKeyVerifier(this::unknown, camFile);
    cam.setModifiedServerKeyAcceptor(changed(camFile));
    this.user =
        new KnownHostsServerKeyVerifier(cam, userFile) {
          @Override
          protected boolean acceptUnknownHostKey(
              ClientSession session, SocketAddress remote, PublicKey serverKey) {
            return cam.verifyServerKey(
                session, remote, serverKey); // never writes the person's file
          }
        };
    user.setModifiedServerKeyAcceptor(changed(userFile));
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    return user.verifyServerKey(session, remote, key);
  }

  /** Not in either file: CAM's verifier adds the key to its file when this returns true. */
  private boolean unknown(ClientSession session, SocketAddress remote, PublicKey key) {
    if (acceptNew) {
      try {
        Files.createDirectories(camFile.toAbsolutePath().getParent());
      } catch (IOException e) {
        refusals.put(session, "cannot create the directory of " + camFile + ": " + e.getMessage());
        return false;
      }
      return true;
    }
    refusals.put(
        session,
        "the host key of "
            + remote
            + " is unknown ("
            + describe(key)
            + ", neither in "
            + userFile
            + " nor in "
            + camFile
            + "): check the fingerprint with the machine's owner, then accept it with"
            + " `cam context test --accept-new CONTEXT` (or connect once with ssh)");
    return false;
  }

  /** Refuses a key that differs from the one {@code file} has, saying how to clear it. */
  private ModifiedServerKeyAcceptor changed(Path file) {
    return (session, remote, entry, expected, actual) -> {
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
    };
  }

  /** Why the session's host key was refused, or {@code null}; forgets it. */
  public String refusal(ClientSession session) {
    return refusals.remove(session);
  }

  /**
   * Why a session that is already closed had its host key refused, or {@code null}; forgets it. A
   * jump host ({@code ProxyJump}) has a session of its own that the caller never sees: its refusal
   * is what made the connection to the machine behind it fail.
   */
  public String closedSessionRefusal() {
    for (Map.Entry<ClientSession, String> entry : refusals.entrySet()) {
      if (!entry.getKey().isOpen() && refusals.remove(entry.getKey(), entry.getValue())) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " key " + KeyUtils.getFingerPrint(key);
  }
}
