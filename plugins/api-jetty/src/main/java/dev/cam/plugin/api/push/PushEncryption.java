package dev.cam.plugin.api.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a push message for one subscription as RFC 8291 says: a fresh P-256 key pair and salt
 * per message, ECDH with the browser's key, HKDF with its auth secret, then one aes128gcm record
 * (RFC 8188) whose header carries the salt and our public key.
 */
public final class PushEncryption {
  /** The record size written in the header; a message is one record. */
  static final int RECORD_SIZE = 4096;

  /** The largest plaintext that fits one record (tag and delimiter take 17 bytes). */
  public static final int MAX_PLAINTEXT = RECORD_SIZE - 17;

  private final SecureRandom random;

  public PushEncryption(SecureRandom random) {
    this.random = random;
  }

  /** The message body for a subscriber with this public key and auth secret. */
  public byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return encrypt(plaintext, uaPublic, authSecret, P256.generate(), salt);
  }

  /** With a given sender key pair and salt: the RFC's worked example is reproduced with these. */
  static byte[] encrypt(
      byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
    if (plaintext.length > MAX_PLAINTEXT) {
      throw new IllegalArgumentException(
          "a push message holds at most " + MAX_PLAINTEXT + " bytes");
    }
    byte[] asPublic = P256.encode(sender.getPublic());
    byte[] ecdh = P256.agree(sender.getPrivate(), P256.publicKey(uaPublic));
    byte[] keyInfo = concat(ascii("WebPush: info\0"), uaPublic, asPublic);
    byte[] ikm = Hkdf.expand(Hkdf.extract(authSecret, ecdh), keyInfo, 32);
    byte[] prk = Hkdf.extract(salt, ikm);
    byte[] cek = Hkdf.expand(prk, ascii("Content-Encoding: aes128gcm\0"), 16);
    byte[] nonce = Hkdf.expand(prk, ascii("Content-Encoding: nonce\0"), 12);
    byte[] record = seal(concat(plaintext, new byte[] {2}), cek, nonce);
    ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length);
    header.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic);
    return concat(header.array(), record);
  }

  private static byte[] seal(byte[] padded, byte[] cek, byte[] nonce) {
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
      return aes.doFinal(padded);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
