package dev.cam.relay.server;

import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the relay listener's TLS context from {@link TlsSettings}. */
final class TlsContexts {
  private TlsContexts() {}

  static SslContextFactory.Server server(TlsSettings tls) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    if (tls.keystore() != null) {
      factory.setKeyStorePath(tls.keystore().toString());
      factory.setKeyStoreType("PKCS12");
      factory.setKeyStorePassword(tls.keystorePassword());
    } else {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = Base64.getEncoder().encodeToString(random);
      factory.setKeyStore(
          PemFiles.keyStore(tls.certificatePem(), tls.privateKeyPem(), password.toCharArray()));
      factory.setKeyStorePassword(password);
    }
    factory.setSniRequired(false);
    return factory;
  }
}
