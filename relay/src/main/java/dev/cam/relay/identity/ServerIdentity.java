package dev.cam.relay.identity;

import dev.cam.relay.RelayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * A CAM server's long-term Ed25519 key pair and the id derived from it. Kept in a small properties
 * file readable by its owner only (0600); the private key never leaves this object except to that
 * file. Immutable and thread-safe.
 */
public final class ServerIdentity {
  private final KeyPair keys;
  private final String serverId;

  private ServerIdentity(KeyPair keys) {
    this.keys = keys;
    this.serverId = ServerIds.of(keys.getPublic().getEncoded());
  }

  /** Creates a fresh identity that lives only in memory. */
  public static ServerIdentity generate() {
    try {
      return new ServerIdentity(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new RelayException("this JDK cannot make Ed25519 keys; use JDK 17 or newer", e);
    }
  }

  /**
   * Loads the identity from {@code file}, or creates it there (mode 0600) when the file is absent.
   *
   * @throws RelayException if the file exists but cannot be read as an identity
   */
  public static ServerIdentity loadOrCreate(Path file) {
    if (Files.exists(file)) {
      return load(file);
    }
    ServerIdentity identity = generate();
    identity.save(file);
    return identity;
  }

  /** Loads an identity written by {@link #loadOrCreate}. */
  public static ServerIdentity load(Path file) {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      Base64.Decoder base64 = Base64.getDecoder();
      PrivateKey secret =
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(base64.decode(properties.getProperty("private", ""))));
      PublicKey open =
          factory.generatePublic(
              new X509EncodedKeySpec(base64.decode(properties.getProperty("public", ""))));
      return new ServerIdentity(new KeyPair(open, secret));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new RelayException(
          "cannot read the server identity in "
              + file
              + " ("
              + e.getMessage()
              + "); restore it from a backup or delete it to make a new one (the server id"
              + " changes)",
          e);
    }
  }

  private void save(Path file) {
    Base64.Encoder base64 = Base64.getEncoder();
    String text =
        "# CAM server identity (Ed25519). Secret: whoever has it can register as this server.\n"
            + "id="
            + serverId
            + "\npublic="
            + base64.encodeToString(keys.getPublic().getEncoded())
            + "\nprivate="
            + base64.encodeToString(keys.getPrivate().getEncoded())
            + "\n";
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".identity", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new RelayException(
          "cannot write the server identity to " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the server id derived from the public key. */
  public String serverId() {
    return serverId;
  }

  /** Returns the X.509 encoding of the public key. */
  public byte[] publicKey() {
    return keys.getPublic().getEncoded();
  }

  /** Signs {@code data} with the private key. */
  public byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(keys.getPrivate());
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new RelayException("signing with the server identity failed: " + e.getMessage(), e);
    }
  }
}
