package dev.cam.plugin.api.auth;

import dev.cam.api.CamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The server's bearer token: the configured {@code server.token}, or the one kept in {@code
 * <configDir>/server.token}, made on first start from 32 {@link SecureRandom} bytes (base64url) and
 * readable by the owner only.
 */
public final class ServerToken {
  public static final String FILE_NAME = "server.token";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private ServerToken() {}

  /** The configured token when non-blank, else the file's, creating the file when missing. */
  public static String resolve(String configured, Path configDir) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    Path file = configDir.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (token.isEmpty()) {
        throw new CamException("the token file " + file + " is empty: delete it to make a new one");
      }
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      return token;
    } catch (IOException e) {
      throw new CamException(
          "cannot read or create the server token " + file + ": " + e + " (check permissions)", e);
    }
  }

  /** A new token: 256 random bits, base64url without padding. */
  public static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp =
        Files.createTempFile(
            file.getParent(),
            ".server.token",
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temp, generate() + "\n", StandardCharsets.US_ASCII);
      // another process starting at the same moment may win; then its token is the one
      Files.move(temp, file);
    } catch (FileAlreadyExistsException e) {
      // keep the winner's token
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
