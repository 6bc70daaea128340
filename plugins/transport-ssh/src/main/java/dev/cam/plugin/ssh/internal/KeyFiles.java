package dev.cam.plugin.ssh.internal;

import dev.cam.api.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.SessionContext;

/**
 * Reads private key files, decrypting them with the configured passphrase. There is never a prompt:
 * an encrypted key without a passphrase fails at once with a message saying how to give one.
 */
final class KeyFiles {
  private final String passphrase;

  /**
   * @param passphrase for encrypted keys, or {@code null}
   */
  KeyFiles(String passphrase) {
    this.passphrase = passphrase;
  }

  /** The provider MINA asks when it decrypts a key itself (IdentityFile of ~/.ssh/config). */
  FilePasswordProvider passwords() {
    return passphrase == null ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(passphrase);
  }

  /** The key pairs in the file. */
  List<KeyPair> load(SessionContext session, Path file) {
    if (!Files.isReadable(file)) {
      throw new TransportException("key file " + file + " is missing or unreadable: fix the path");
    }
    FileKeyPairProvider provider = new FileKeyPairProvider(file);
    provider.setPasswordFinder(passwords());
    List<KeyPair> pairs = new ArrayList<>();
    try {
      provider.loadKeys(session).forEach(pairs::add);
    } catch (RuntimeException e) {
      throw new TransportException(problem(file, why(e)), e);
    }
    if (pairs.isEmpty()) {
      // MINA logs a key it cannot decrypt and yields nothing
      throw new TransportException(problem(file, "no key could be read from it"));
    }
    return pairs;
  }

  /** What to do about a key that could not be read. */
  private String problem(Path file, String why) {
    if (passphrase == null) {
      return "cannot read key file "
          + file
          + " ("
          + why
          + "): if it is encrypted, give its passphrase with the setting ssh.key_passphrase or"
          + " the environment variable CAM_SSH_KEY_PASSPHRASE, or add it to ssh-agent (ssh-add)";
    }
    return "cannot read key file "
        + file
        + " ("
        + why
        + "): check the passphrase in ssh.key_passphrase (CAM_SSH_KEY_PASSPHRASE)";
  }

  private static String why(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * The key pairs of the files that can be read; a problem with one (an encrypted key and no
   * passphrase) is added to {@code problems} and the others are still used.
   */
  List<KeyPair> loadEach(SessionContext session, List<Path> files, List<String> problems) {
    List<KeyPair> pairs = new ArrayList<>();
    for (Path file : files) {
      if (Files.isReadable(file)) {
        try {
          pairs.addAll(load(session, file));
        } catch (TransportException e) {
          problems.add(e.getMessage());
        }
      }
    }
    return pairs;
  }
}
