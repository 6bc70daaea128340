package dev.cam.plugin.api.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The {@code Authorization: vapid t=<JWT>, k=<public key>} header of RFC 8292: a JWT signed with
 * ES256 whose audience is the push service's origin, valid for twelve hours (the most is 24).
 */
public final class VapidJwt {
  static final Duration VALID = Duration.ofHours(12);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final KeyPair keys;
  private final String subject;
  private final Clock clock;

  /**
   * @param subject who runs this server, for the push service's operator ({@code mailto:} or {@code
   *     https:})
   */
  public VapidJwt(KeyPair keys, String subject, Clock clock) {
    this.keys = keys;
    this.subject = subject;
    this.clock = clock;
  }

  /** The header value for a message to this endpoint. */
  public String authorization(URI endpoint) {
    return "vapid t="
        + token(endpoint)
        + ", k="
        + B64.encodeToString(P256.encode(keys.getPublic()));
  }

  String token(URI endpoint) {
    long exp = clock.instant().plus(VALID).getEpochSecond();
    String header = "{\"typ\":\"JWT\",\"alg\":\"ES256\"}";
    String claims =
        "{\"aud\":\""
            + audience(endpoint)
            + "\",\"exp\":"
            + exp
            + ",\"sub\":\""
            + subject.replace("\\", "").replace("\"", "")
            + "\"}";
    String input = encode(header) + "." + encode(claims);
    return input + "." + B64.encodeToString(sign(input));
  }

  /** The endpoint's origin: scheme, host and a port that is not the default. */
  static String audience(URI endpoint) {
    String origin = endpoint.getScheme() + "://" + endpoint.getHost();
    return endpoint.getPort() == -1 ? origin : origin + ":" + endpoint.getPort();
  }

  private byte[] sign(String input) {
    try {
      // JWS wants r || s (64 bytes), which the P1363 format gives without DER unwrapping
      Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
      es256.initSign(keys.getPrivate());
      es256.update(input.getBytes(StandardCharsets.US_ASCII));
      return es256.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed: " + e.getMessage(), e);
    }
  }

  private static String encode(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
