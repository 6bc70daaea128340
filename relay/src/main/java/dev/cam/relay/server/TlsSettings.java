package dev.cam.relay.server;

import java.nio.file.Path;

/**
 * Where the relay's TLS certificate comes from: a PEM certificate chain and PKCS#8 key, or a
 * PKCS#12 keystore. All null means plain HTTP (for local use or behind a TLS-terminating proxy).
 *
 * @param certificatePem PEM file with the certificate chain, leaf first
 * @param privateKeyPem PEM file with the unencrypted private key
 * @param keystore PKCS#12 file with key and chain
 * @param keystorePassword the keystore's password
 */
public record TlsSettings(
    Path certificatePem, Path privateKeyPem, Path keystore, String keystorePassword) {

  /** Checks that exactly one source is given completely. */
  public TlsSettings {
    boolean pem = certificatePem != null || privateKeyPem != null;
    if (pem && (certificatePem == null || privateKeyPem == null)) {
      throw new IllegalArgumentException("TLS from PEM needs both cert and key files");
    }
    if (pem && keystore != null) {
      throw new IllegalArgumentException("configure TLS with PEM files or a keystore, not both");
    }
    keystorePassword = keystorePassword == null ? "" : keystorePassword;
  }

  /** No TLS. */
  public static TlsSettings none() {
    return new TlsSettings(null, null, null, null);
  }

  /** TLS from PEM files. */
  public static TlsSettings pem(Path certificate, Path privateKey) {
    return new TlsSettings(certificate, privateKey, null, null);
  }

  /** TLS from a PKCS#12 keystore. */
  public static TlsSettings keystore(Path file, String password) {
    return new TlsSettings(null, null, file, password);
  }

  /** Returns whether TLS is on. */
  public boolean enabled() {
    return certificatePem != null || keystore != null;
  }
}
