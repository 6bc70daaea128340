package dev.cam.plugin.api.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of RFC 8291, written apart from the server's code: decrypts an aes128gcm push
 * message with the subscriber's private key and auth secret.
 */
public final class PushReceiver {
  /** DER of a P-256 SubjectPublicKeyInfo up to the 65-byte point. */
  private static final byte[] SPKI_PREFIX =
      HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

  private PushReceiver() {}

  /** A raw uncompressed P-256 point as a key, through its X.509 encoding. */
  public static PublicKey publicKey(byte[] raw) throws Exception {
    byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
    System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
    return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
  }

  public static byte[] decrypt(byte[] body, byte[] uaPrivate, byte[] uaPublic, byte[] auth)
      throws Exception {
    PrivateKey mine =
        KeyFactory.getInstance("EC")
            .generatePrivate(
                new ECPrivateKeySpec(
                    new BigInteger(1, uaPrivate),
                    ((java.security.interfaces.ECPublicKey) publicKey(uaPublic)).getParams()));
    return decrypt(body, mine, uaPublic, auth);
  }

  public static byte[] decrypt(byte[] body, PrivateKey mine, byte[] uaPublic, byte[] auth)
      throws Exception {
    ByteBuffer in = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    in.get(salt);
    int recordSize = in.getInt();
    byte[] asPublic = new byte[in.get() & 0xff];
    in.get(asPublic);
    byte[] record = new byte[in.remaining()];
    in.get(record);
    if (record.length > recordSize) {
      throw new IllegalStateException("one record of at most " + recordSize + " bytes expected");
    }
    KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
    ecdh.init(mine);
    ecdh.doPhase(publicKey(asPublic), true);
    byte[] secret = ecdh.generateSecret();
    byte[] info = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
    byte[] ikm = hmac(hmac(auth, secret), concat(info, new byte[] {1}));
    byte[] prk = hmac(salt, ikm);
    byte[] cek = Arrays.copyOf(hmac(prk, ascii1("Content-Encoding: aes128gcm\0")), 16);
    byte[] nonce = Arrays.copyOf(hmac(prk, ascii1("Content-Encoding: nonce\0")), 12);
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] padded = aes.doFinal(record);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    if (end < 0 || padded[end] != 2) {
      throw new IllegalStateException("the last record must end with the delimiter 0x02");
    }
    return Arrays.copyOf(padded, end);
  }

  private static byte[] ascii1(String text) {
    return concat(text.getBytes(StandardCharsets.US_ASCII), new byte[] {1});
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      out.put(part);
    }
    return out.array();
  }
}
