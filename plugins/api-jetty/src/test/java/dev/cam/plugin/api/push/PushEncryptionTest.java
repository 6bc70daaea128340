package dev.cam.plugin.api.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PushEncryptionTest {
  // RFC 8291, section 5 and appendix A
  static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
  static final String AS_PUBLIC =
      "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
  static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
  static final String UA_PUBLIC =
      "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
  static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
  static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
  static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
  static final String MESSAGE =
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
          + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
          + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

  static byte[] b64(String text) {
    return Base64.getUrlDecoder().decode(text);
  }

  @Test
  void theRfcsWorkedExampleIsReproducedByteForByte() {
    KeyPair sender = new KeyPair(P256.publicKey(b64(AS_PUBLIC)), P256.privateKey(b64(AS_PRIVATE)));
    byte[] body =
        PushEncryption.encrypt(
            PLAINTEXT.getBytes(StandardCharsets.UTF_8),
            b64(UA_PUBLIC),
            b64(AUTH),
            sender,
            b64(SALT));
    assertEquals(MESSAGE, Base64.getUrlEncoder().withoutPadding().encodeToString(body));
  }

  @Test
  void theRfcsReceiverKeysDecryptAFreshMessage() throws Exception {
    byte[] body =
        new PushEncryption(new SecureRandom())
            .encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH));
    byte[] plain = PushReceiver.decrypt(body, b64(UA_PRIVATE), b64(UA_PUBLIC), b64(AUTH));
    assertEquals(PLAINTEXT, new String(plain, StandardCharsets.UTF_8));
    assertEquals(86 + PLAINTEXT.length() + 1 + 16, body.length);
  }

  @Test
  void keysSurviveTheirRawEncoding() {
    KeyPair pair = P256.generate();
    assertArrayEquals(
        P256.encode(pair.getPublic()), P256.encode(P256.publicKey(P256.encode(pair.getPublic()))));
    assertArrayEquals(
        P256.encode(pair.getPrivate()),
        P256.encode(P256.privateKey(P256.encode(pair.getPrivate()))));
  }

  @Test
  void aPointOffTheCurveIsRefused() {
    byte[] raw = b64(UA_PUBLIC);
    raw[64] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> P256.publicKey(raw));
  }

  @Test
  void aMessageLargerThanOneRecordIsRefused() {
    PushEncryption encryption = new PushEncryption(new SecureRandom());
    byte[] big = new byte[PushEncryption.MAX_PLAINTEXT + 1];
    assertThrows(
        IllegalArgumentException.class, () -> encryption.encrypt(big, b64(UA_PUBLIC), b64(AUTH)));
  }
}
