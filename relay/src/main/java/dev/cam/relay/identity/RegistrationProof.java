package dev.cam.relay.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Locale;

/**
 * What a server signs to register: a context label, the relay's nonce, the relay authority it
 * connected to, its clock and the id it claims. The nonce makes a captured registration useless on
 * any other link; the authority makes it useless on any other relay.
 */
public final class RegistrationProof {
  private static final byte[] LABEL = "cam-relay-register-v1\0".getBytes(StandardCharsets.UTF_8);

  private RegistrationProof() {}

  /** Returns the exact bytes the server signs and the relay verifies. */
  public static byte[] signedBytes(byte[] nonce, String relayHost, long timeMillis, String id) {
    byte[] host = relayHost.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer out =
        java.nio.ByteBuffer.allocate(
            LABEL.length + 4 + nonce.length + 4 + host.length + 8 + 4 + idBytes.length);
    out.put(LABEL).putInt(nonce.length).put(nonce).putInt(host.length).put(host);
    out.putLong(timeMillis).putInt(idBytes.length).put(idBytes);
    return out.array();
  }

  /**
   * Returns whether {@code signature} is a valid Ed25519 signature of {@code signed} by the
   * X.509-encoded {@code publicKey}; a malformed key or signature is simply invalid.
   */
  public static boolean verify(byte[] publicKey, byte[] signed, byte[] signature) {
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
