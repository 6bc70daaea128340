package dev.cam.relay.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.RelayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
  @TempDir Path dir;

  @Test
  void identityIsKeptOwnerOnlyAndReloadsWithTheSameId() throws Exception {
    Path file = dir.resolve("conf/relay-identity");
    ServerIdentity created = ServerIdentity.loadOrCreate(file);

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(created.serverId(), ServerIdentity.loadOrCreate(file).serverId());
    assertTrue(ServerIds.isWellFormed(created.serverId()), created.serverId());
  }

  @Test
  void idDerivesFromThePublicKey() {
    ServerIdentity a = ServerIdentity.generate();
    ServerIdentity b = ServerIdentity.generate();
    assertEquals(a.serverId(), ServerIds.of(a.publicKey()));
    assertNotEquals(a.serverId(), b.serverId());
  }

  @Test
  void signatureVerifiesOnlyWithTheSignersKey() {
    ServerIdentity server = ServerIdentity.generate();
    ServerIdentity other = ServerIdentity.generate();
    byte[] signed = RegistrationProof.signedBytes(new byte[32], "relay:443", 1L, server.serverId());
    byte[] signature = server.sign(signed);

    assertTrue(RegistrationProof.verify(server.publicKey(), signed, signature));
    assertFalse(RegistrationProof.verify(other.publicKey(), signed, signature));
    byte[] otherNonce =
        RegistrationProof.signedBytes(new byte[] {1}, "relay:443", 1L, server.serverId());
    assertFalse(RegistrationProof.verify(server.publicKey(), otherNonce, signature));
    assertFalse(RegistrationProof.verify(new byte[] {1, 2, 3}, signed, signature));
  }

  @Test
  void damagedIdentityFileSaysWhatToDo() throws Exception {
    Path file = dir.resolve("identity");
    Files.writeString(file, "private=nonsense\n");
    RelayException e = assertThrows(RelayException.class, () -> ServerIdentity.load(file));
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }
}
