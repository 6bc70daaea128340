package dev.cam.relay.protocol;

import java.util.Objects;

/**
 * Payload of REGISTER: the server's proof of identity in answer to a HELLO.
 *
 * @param publicKey the server's Ed25519 public key, X.509 encoded
 * @param serverId the id the server claims; must derive from {@code publicKey}
 * @param relayHost the relay authority the server connected to, as signed
 * @param timeMillis the server's clock when signing
 * @param signature Ed25519 signature over {@code RegistrationProof.signedBytes}
 * @param admissionSecret the relay's admission secret, empty when none is configured
 */
public record Register(
    byte[] publicKey,
    String serverId,
    String relayHost,
    long timeMillis,
    byte[] signature,
    byte[] admissionSecret) {
  /** Validates and copies the byte arrays. */
  public Register {
    publicKey = publicKey.clone();
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(relayHost, "relayHost");
    signature = signature.clone();
    admissionSecret = admissionSecret.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] admissionSecret() {
    return admissionSecret.clone();
  }

  /** Encodes as a REGISTER frame. */
  public Frame toFrame() {
    WireWriter out =
        new WireWriter()
            .bytes(publicKey)
            .string(serverId)
            .string(relayHost)
            .i64(timeMillis)
            .bytes(signature)
            .bytes(admissionSecret);
    return new Frame(FrameType.REGISTER, 0, 0, out.toBuffer());
  }

  /** Decodes a REGISTER frame's payload. */
  public static Register decode(Frame frame) {
    WireReader in = new WireReader(frame.payload());
    return new Register(in.bytes(), in.string(), in.string(), in.i64(), in.bytes(), in.bytes());
  }
}
