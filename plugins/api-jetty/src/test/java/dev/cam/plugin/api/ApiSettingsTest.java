package dev.cam.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSettingsTest {
  @TempDir Path dir;

  @Test
  void settingsComeFromTheServerSection() {
    try (TestPlatform platform =
        new TestPlatform(
            dir,
            Map.of(
                "server.port", "0",
                "server.cors_origins", "https://a.example, https://b.example",
                "server.health_open", "true"))) {
      ApiSettings settings = ApiSettings.from(platform.config());
      assertEquals("127.0.0.1", settings.host());
      assertEquals(0, settings.port());
      assertEquals(List.of("https://a.example", "https://b.example"), settings.corsOrigins());
      assertEquals(true, settings.healthOpen());
      assertEquals(null, settings.token());
    }
  }

  @Test
  void defaultsListenOnLoopbackPort8420() {
    try (TestPlatform platform = new TestPlatform(dir, Map.of())) {
      ApiSettings settings = ApiSettings.from(platform.config());
      assertEquals("127.0.0.1", settings.host());
      assertEquals(8420, settings.port());
      assertEquals(List.of(), settings.corsOrigins());
      assertEquals(false, settings.healthOpen());
    }
  }
}
