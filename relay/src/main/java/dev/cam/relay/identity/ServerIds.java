package dev.cam.relay.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives a server id from a public key: the first 128 bits of SHA-256 over the X.509 encoding, in
 * lowercase base32 without padding (26 characters, safe in URLs and host names).
 */
public final class ServerIds {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int ID_BYTES = 16;

  private ServerIds() {}

  /** Returns the id for an X.509-encoded public key. */
  public static String of(byte[] encodedPublicKey) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(encodedPublicKey);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    return base32(digest, ID_BYTES);
  }

  /** Returns whether {@code text} has the shape of a server id (no key check). */
  public static boolean isWellFormed(String text) {
    if (text == null || text.length() != 26) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  private static String base32(byte[] data, int length) {
    StringBuilder out = new StringBuilder((length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < length; i++) {
      buffer = (buffer << 8) | (data[i] & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
