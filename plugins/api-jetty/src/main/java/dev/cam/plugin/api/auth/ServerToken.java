package dev.cam.plugin.api.auth;

import dev.cam.api.CamException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's bearer token: the configured {@code server.token}, or the one kept in {@code
 * <configDir>/server.token}, made on first start from 32 {@link SecureRandom} bytes (base64url) and
 * readable by the owner only.
 */
public final class ServerToken {
  public static final String FILE_NAME = "server.token";

  private ServerToken() {}

  /** The configured token when non-blank, else the file's, creating the file when missing. */
  public static String resolve(String configured, Path configDir) {
    if (configured != null && !configured.isBlank()) {
      return configured.trim();
    }
    Path file = configDir.resolve(FILE_NAME);
    try {
      String token = OwnerOnlyFiles.readOrCreate(file, () -> generate() + "\n").trim();
      if (token.isEmpty()) {
        throw new CamException("the token file " + file + " is empty: delete it to make a new one");
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
}
