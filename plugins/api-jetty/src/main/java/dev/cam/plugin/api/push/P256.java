package dev.cam.plugin.api.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * The NIST P-256 curve as Web Push uses it: keys as raw bytes (a public key as the 65-byte
 * uncompressed point {@code 04 || x || y}, a private key as its 32-byte scalar) and ECDH.
 */
public final class P256 {
  static final ECParameterSpec PARAMS = params();
  private static final int SIZE = 32;

  private P256() {}

  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no P-256 keys", e);
    }
  }

  /** The uncompressed point {@code 04 || x || y}. */
  public static byte[] encode(PublicKey key) {
    ECPoint point = ((ECPublicKey) key).getW();
    byte[] out = new byte[1 + 2 * SIZE];
    out[0] = 4;
    unsigned(point.getAffineX(), out, 1);
    unsigned(point.getAffineY(), out, 1 + SIZE);
    return out;
  }

  /** The private key's 32-byte scalar. */
  public static byte[] encode(PrivateKey key) {
    byte[] out = new byte[SIZE];
    unsigned(((ECPrivateKey) key).getS(), out, 0);
    return out;
  }

  /**
   * A public key from its uncompressed point.
   *
   * @throws IllegalArgumentException when the bytes are no point on the curve
   */
  public static ECPublicKey publicKey(byte[] raw) {
    if (raw.length != 1 + 2 * SIZE || raw[0] != 4) {
      throw new IllegalArgumentException("a P-256 public key is 65 bytes starting with 04");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + SIZE));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 1 + SIZE, raw.length));
    if (!onCurve(x, y)) {
      throw new IllegalArgumentException("the public key is not a point on P-256");
    }
    try {
      return (ECPublicKey)
          KeyFactory.getInstance("EC")
              .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMS));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a P-256 public key: " + e.getMessage(), e);
    }
  }

  public static ECPrivateKey privateKey(byte[] scalar) {
    try {
      return (ECPrivateKey)
          KeyFactory.getInstance("EC")
              .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), PARAMS));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a P-256 private key: " + e.getMessage(), e);
    }
  }

  /** The ECDH shared secret (the x coordinate, 32 bytes). */
  public static byte[] agree(PrivateKey mine, PublicKey theirs) {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(mine);
      agreement.doPhase(theirs, true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("ECDH failed: " + e.getMessage(), e);
    }
  }

  /** y² = x³ - 3x + b (mod p): a key off the curve would leak bits of ours in ECDH. */
  private static boolean onCurve(BigInteger x, BigInteger y) {
    BigInteger p = ((java.security.spec.ECFieldFp) PARAMS.getCurve().getField()).getP();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger a = PARAMS.getCurve().getA();
    BigInteger b = PARAMS.getCurve().getB();
    BigInteger right = x.pow(3).add(a.multiply(x)).add(b).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  private static void unsigned(BigInteger value, byte[] out, int at) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > SIZE ? bytes.length - SIZE : 0;
    int length = bytes.length - skip;
    System.arraycopy(bytes, skip, out, at + SIZE - length, length);
  }

  private static ECParameterSpec params() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK offers no P-256 curve", e);
    }
  }
}
