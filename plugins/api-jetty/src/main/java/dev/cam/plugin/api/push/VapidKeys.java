package dev.cam.plugin.api.push;

import dev.cam.api.CamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The server's VAPID key pair (RFC 8292), kept in {@code <configDir>/push-vapid.key} (readable by
 * the owner only) as two base64url lines: the private scalar, then the public point. Made on first
 * use; browsers subscribe with the public key, so a new pair means subscribing again.
 */
public final class VapidKeys {
  public static final String FILE_NAME = "push-vapid.key";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private VapidKeys() {}

  /** The pair in the directory's key file, creating the file when missing. */
  public static KeyPair load(Path configDir) {
    Path file = configDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
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

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp =
        Files.createTempFile(
            file.getParent(),
            ".push-vapid",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      KeyPair pair = P256.generate();
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      Files.writeString(
          temp,
          b64.encodeToString(P256.encode(pair.getPrivate()))
              + "\n"
              + b64.encodeToString(P256.encode(pair.getPublic()))
              + "\n",
          StandardCharsets.US_ASCII);
      // another process starting at the same moment may win; then its pair is the one
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      // keep the winner's pair
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
