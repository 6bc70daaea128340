package dev.cam.relay.link;

import dev.cam.relay.RelayException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS trust for the relay: the system's, or only the CA certificates of a PEM file. */
final class RelayTrust {
  private RelayTrust() {}

  static SSLContext context(Path caFile) {
    try {
      if (caFile == null) {
        return SSLContext.getDefault();
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      try (InputStream in = Files.newInputStream(caFile)) {
        int i = 0;
        for (Certificate certificate :
            CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trusted.setCertificateEntry("ca-" + i++, certificate);
        }
        if (i == 0) {
          throw new RelayException("no certificate in the relay CA file " + caFile);
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new RelayException(
          "cannot use the relay CA file " + caFile + ": " + e.getMessage() + "; give a PEM file",
          e);
    }
  }
}
