package dev.cam.relay.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1 made at test time with keytool; nothing checked in. */
public final class TestCertificates {
  public static final String PASSWORD = "test-only";
  public final Path keystore;
  public final Path certificatePem;
  public final Path keyPem;

  private TestCertificates(Path keystore, Path certificatePem, Path keyPem) {
    this.keystore = keystore;
    this.certificatePem = certificatePem;
    this.keyPem = keyPem;
  }

  public static TestCertificates create(Path dir) throws Exception {
    return create(dir, "dns:localhost,ip:127.0.0.1");
  }

  /**
   * A self-signed certificate for the names in {@code san} (keytool's SAN syntax), in {@code dir}.
   */
  public static TestCertificates create(Path dir, String san) throws Exception {
    Files.createDirectories(dir);
    Path keystore = dir.resolve("relay.p12");
    String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "relay",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=" + san,
        "-validity",
        "2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    Path certificate = dir.resolve("relay-cert.pem");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "relay",
        "-keystore",
        keystore.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        certificate.toString());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) store.getKey("relay", PASSWORD.toCharArray());
    Path keyPem = dir.resolve("relay-key.pem");
    Files.writeString(
        keyPem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    return new TestCertificates(keystore, certificate, keyPem);
  }

  /** A client context that trusts only this certificate. */
  public SSLContext clientContext() throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificatePem)) {
      trusted.setCertificateEntry(
          "relay", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
