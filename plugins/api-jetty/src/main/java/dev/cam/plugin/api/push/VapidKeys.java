package dev.cam.plugin.api.push;

import dev.cam.api.CamException;
import dev.cam.plugin.api.auth.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;

/**
 * The server's VAPID key pair (RFC 8292), kept in {@code <configDir>/push-vapid.key} (readable by
 * the owner only) as two base64url lines: the private scalar, then the public point. Made on first
 * use; browsers subscribe with the public key, so a new pair means subscribing again.
 */
public final class VapidKeys {
  public static final String FILE_NAME = "push-vapid.key";

  private VapidKeys() {}

  /** The pair in the directory's key file, creating the file when missing. */
  public static KeyPair load(Path configDir) {
    Path file = configDir.resolve(FILE_NAME);
    try {
      List<String> lines = OwnerOnlyFiles.readOrCreate(file, VapidKeys::newPair).lines().toList();
      if (lines.size() < 2) {
        throw broken(file, null);
      }
      Base64.Decoder b64 = Base64.getUrlDecoder();
      return new KeyPair(
          P256.publicKey(b64.decode(lines.get(1).trim())),
          P256.privateKey(b64.decode(lines.get(0).trim())));
    } catch (IllegalArgumentException e) {
      throw broken(file, e);
    } catch (IOException e) {
      throw new CamException(
          "cannot read or create the push key " + file + ": " + e + " (check permissions)", e);
    }
  }

  private static CamException broken(Path file, Exception cause) {
    return new CamException(
        "the push key file "
            + file
            + " is damaged: delete it to make a new pair (browsers then subscribe again)",
        cause);
  }

  /** A new pair as the file holds it. */
  private static String newPair() {
    KeyPair pair = P256.generate();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString(P256.encode(pair.getPrivate()))
        + "\n"
        + b64.encodeToString(P256.encode(pair.getPublic()))
        + "\n";
  }
}
