package dev.cam.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.server.RelayConfig;
import dev.cam.relay.server.RelayLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayConfigFileTest {
  @TempDir Path dir;

  @Test
  void shippedExampleMeansTheDefaults() {
    RelayConfig config = RelayConfigFile.load(Path.of("src/dist/conf/relay.toml"));
    assertEquals("0.0.0.0", config.host());
    assertEquals(8443, config.port());
    assertEquals(RelayLimits.defaults(), config.limits());
    assertEquals("", config.admissionSecret());
    assertTrue(!config.tls().enabled());
  }

  @Test
  void pathsAndSecretsResolveNextToTheFile() throws Exception {
    Files.writeString(dir.resolve("secret"), "s3cret\n");
    Path file =
        Files.writeString(
            dir.resolve("relay.toml"),
            "port = 9000\nadmission-secret-file = \"secret\"\n"
                + "[tls]\ncert = \"cert.pem\"\nkey = \"key.pem\"\n"
                + "[limits]\nmax-streams-per-server = 8\nping-interval-seconds = 5\n");
    RelayConfig config = RelayConfigFile.load(file);
    assertEquals(9000, config.port());
    assertEquals("s3cret", config.admissionSecret());
    assertEquals(dir.resolve("cert.pem"), config.tls().certificatePem());
    assertEquals(8, config.limits().maxStreamsPerServer());
    assertEquals(Duration.ofSeconds(5), config.limits().pingInterval());
  }

  @Test
  void typosAreErrorsThatNameTheKey() throws Exception {
    Path file =
        Files.writeString(dir.resolve("relay.toml"), "[limits]\nmax-stream-per-server = 8\n");
    RelayException e = assertThrows(RelayException.class, () -> RelayConfigFile.load(file));
    assertTrue(e.getMessage().contains("limits.max-stream-per-server"), e.getMessage());
  }
}
