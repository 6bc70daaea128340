package dev.cam.relay.server;

import dev.cam.relay.RelayException;
import dev.cam.relay.identity.RegistrationProof;
import dev.cam.relay.identity.ServerIds;
import dev.cam.relay.protocol.Register;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;

/** Decides whether a REGISTER proves the server's identity on this link. */
final class RegistrationCheck {
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private final byte[] admissionSecret;

  RegistrationCheck(String admissionSecret) {
    this.admissionSecret = admissionSecret.getBytes(StandardCharsets.UTF_8);
  }

  /** Thrown with the reason a registration is refused; the reason goes back to the server. */
  static final class Refused extends RelayException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * Returns the verified server id.
   *
   * @param nonce the nonce this link's HELLO carried
   * @param host the host name the server connected to, from the upgrade request
   * @throws Refused when anything does not match
   */
  String verify(byte[] nonce, Register register, String host, long nowMillis) {
    if (admissionSecret.length > 0
        && !MessageDigest.isEqual(admissionSecret, register.admissionSecret())) {
      throw new Refused("admission secret does not match; set the relay's secret on the server");
    }
    if (Math.abs(nowMillis - register.timeMillis()) > MAX_SKEW.toMillis()) {
      throw new Refused("server clock is more than 5 minutes off; synchronise it (NTP)");
    }
    if (!hostName(register.relayHost()).equals(hostName(host))) {
      throw new Refused("registration was signed for another relay");
    }
    String derived = ServerIds.of(register.publicKey());
    if (!derived.equals(register.serverId())) {
      throw new Refused("server id does not match the public key");
    }
    byte[] signed =
        RegistrationProof.signedBytes(
            nonce, register.relayHost(), register.timeMillis(), register.serverId());
    if (!RegistrationProof.verify(register.publicKey(), signed, register.signature())) {
      throw new Refused("signature does not verify; the registration is forged or replayed");
    }
    return derived;
  }

  /** The host name without port, lowercase; ports differ behind TLS-terminating proxies. */
  static String hostName(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
