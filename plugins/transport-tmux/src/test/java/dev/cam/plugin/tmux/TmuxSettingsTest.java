package dev.cam.plugin.tmux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.Config;
import dev.cam.api.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TmuxSettingsTest {
  /** A configuration holding just the given keys. */
  record MapConfig(Map<String, String> values) implements Config {
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
      return Duration.parse(require(key));
    }

    @Override
    public String source(String key) {
      return "test";
    }

    @Override
    public Map<String, String> effective() {
      return values;
    }
  }

  @Test
  void defaultIsCamsOwnNamedSocket() {
    TmuxSettings settings = TmuxSettings.fromConfig(new MapConfig(Map.of()), Path.of("/data"));
    assertEquals(List.of("-L", "cam"), settings.socketArgs());
    assertEquals("tmux", settings.executable());
  }

  @Test
  void socketWithSlashIsAPathUnderTheDataDirectory() {
    Config config =
        new MapConfig(Map.of("tmux.socket", "run/tmux.sock", "tmux.executable", "/opt/tmux"));
    TmuxSettings settings = TmuxSettings.fromConfig(config, Path.of("/data"));
    assertEquals(List.of("-S", "/data/run/tmux.sock"), settings.socketArgs());
    assertEquals("/opt/tmux", settings.executable());
  }

  @Test
  void nameAndPathTogetherAreRefused() {
    assertThrows(
        InvalidInputException.class,
        () -> new TmuxSettings("tmux", "cam", Path.of("/s"), null, 10));
  }
}
