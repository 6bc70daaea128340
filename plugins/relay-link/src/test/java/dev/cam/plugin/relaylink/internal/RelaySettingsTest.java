package dev.cam.plugin.relaylink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Config;
import dev.cam.api.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RelaySettingsTest {
  private static final Path CONFIG_DIR = Path.of("/home/me/.config/cam");

  @Test
  void aRelayUrlTurnsTheLinkOnWithTheIdentityInTheConfigDirectory() {
    RelaySettings settings =
        RelaySettings.from(config(Map.of("relay.url", "https://relay.example.com/")), CONFIG_DIR);

    assertTrue(settings.on());
    assertEquals(URI.create("https://relay.example.com/"), settings.url());
    assertEquals(CONFIG_DIR.resolve("relay-identity"), settings.identityFile());
    assertEquals("", settings.admissionSecret());
  }

  @Test
  void withoutUrlOrWhenDisabledTheLinkIsOff() {
    assertFalse(RelaySettings.from(config(Map.of()), CONFIG_DIR).on());
    assertFalse(
        RelaySettings.from(
                config(Map.of("relay.url", "https://relay.example.com/", "relay.enabled", "false")),
                CONFIG_DIR)
            .on());
  }

  @Test
  void aUrlThatIsNoHttpUrlIsRefusedWithTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> RelaySettings.from(config(Map.of("relay.url", "relay.example.com")), CONFIG_DIR));

    assertTrue(e.getMessage().contains("relay.url"), e.getMessage());
  }

  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
      }

      @Override
      public String require(String key) {
        return get(key).orElseThrow();
      }

      @Override
      public int getInt(String key) {
        return Integer.parseInt(require(key));
      }

      @Override
      public boolean getBoolean(String key) {
        return Boolean.parseBoolean(require(key));
      }

      @Override
      public Duration getDuration(String key) {
        return Duration.ofSeconds(getInt(key));
      }

      @Override
      public String source(String key) {
        return "test";
      }

      @Override
      public Map<String, String> effective() {
        return new TreeMap<>(values);
      }
    };
  }
}
