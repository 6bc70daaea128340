package dev.cam.plugin.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares presented tokens with the server's in constant time: both are hashed first, so neither
 * content nor length leaks through timing. Safe from any thread.
 */
public final class TokenCheck {
  private final byte[] expected;

  public TokenCheck(String token) {
    this.expected = digest(token);
  }

  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(expected, digest(presented));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
