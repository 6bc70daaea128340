package dev.cam.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileEditorTest {
  @TempDir Path tmp;
  private final ConfigFileEditor editor = new ConfigFileEditor();

  private LayeredConfig load(Path file) {
    return new ConfigLoader().load(new ConfigSources(file, tmp, Map.of(), Map.of()));
  }

  @Test
  void setCreatesAPrivateFileThatLoadsBack() throws IOException {
    Path file = tmp.resolve("conf/config.toml");
    editor.set(file, "server.port", "9000");
    editor.set(file, "monitor.poll_interval", "1500ms");
    editor.set(file, "server.cors_origins", "https://a,https://b");
    editor.set(file, "tools.claude.env.FOO", "bar");
    editor.set(file, "retry.backoff_multiplier", "1.5");

    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    CamSettings s = load(file).settings();
    assertEquals(9000, s.server().port());
    assertEquals(Duration.ofMillis(1500), s.monitor().pollInterval());
    assertEquals(List.of("https://a", "https://b"), s.server().corsOrigins());
    assertEquals(Map.of("FOO", "bar"), s.tool("claude").orElseThrow().env());
    assertEquals(1.5, s.retry().backoffMultiplier());
  }

  @Test
  void setKeepsOtherKeysAndResetRemovesOnlyItsKey() throws IOException {
    Path file = tmp.resolve("config.toml");
    Files.writeString(file, "[server]\nhost = \"0.0.0.0\"\nport = 1\n");
    editor.set(file, "server.port", "2");
    assertEquals("0.0.0.0", load(file).require("server.host"));
    assertEquals(2, load(file).getInt("server.port"));

    assertTrue(editor.reset(file, "server.port"));
    assertFalse(editor.reset(file, "server.port"));
    assertEquals(8420, load(file).getInt("server.port"));
    assertEquals("0.0.0.0", load(file).require("server.host"));
  }

  @Test
  void badKeyOrValueLeavesTheFileAlone() throws IOException {
    Path file = tmp.resolve("config.toml");
    editor.set(file, "server.port", "2");
    String before = Files.readString(file);
    ConfigException value =
        assertThrows(ConfigException.class, () -> editor.set(file, "server.port", "high"));
    assertTrue(value.getMessage().contains("server.port"), value.getMessage());
    ConfigException key =
        assertThrows(ConfigException.class, () -> editor.set(file, "monitor.pol_interval", "2s"));
    assertTrue(key.getMessage().contains("did you mean 'monitor.poll_interval'"), key.getMessage());
    assertEquals(before, Files.readString(file));
  }

  @Test
  void setRewritesTheOtherValuesAsTheyWere() throws IOException {
    Path file = tmp.resolve("config.toml");
    Files.writeString(
        file,
        """
        [server]
        host = "0.0.0.0"
        port = 1
        cors_origins = ["https://a", "https://b"]
        [retry]
        backoff_multiplier = 1.5
        [tools.claude]
        env = { A = "1", B = "x y" }
        """);

    editor.set(file, "server.host", "h");

    assertEquals(
        """
        [server]
        host = 'h'
        port = 1
        cors_origins = ['https://a', 'https://b']

        [retry]
        backoff_multiplier = 1.5

        [tools.claude]
        env.A = '1'
        env.B = 'x y'
        """,
        Files.readString(file));
  }
}
