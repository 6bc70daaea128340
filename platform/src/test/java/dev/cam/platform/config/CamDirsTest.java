package dev.cam.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CamDirsTest {
  @Test
  void camVariablesWinOverXdgAndHome() {
    CamDirs dirs =
        CamDirs.resolve(
            Map.of(
                "HOME", "/home/u",
                "CAM_CONFIG_DIR", "/etc/cam",
                "XDG_CONFIG_HOME", "/x/config",
                "CAM_DATA_DIR", "/var/cam",
                "XDG_DATA_HOME", "/x/data"));
    assertEquals(Path.of("/etc/cam"), dirs.configDir());
    assertEquals(Path.of("/var/cam"), dirs.dataDir());
  }

  @Test
  void xdgDirectoriesGetACamSubdirectory() {
    CamDirs dirs =
        CamDirs.resolve(
            Map.of("HOME", "/home/u", "XDG_CONFIG_HOME", "/x/c", "XDG_DATA_HOME", "/x/d"));
    assertEquals(Path.of("/x/c/cam/config.toml"), dirs.userConfigFile());
    assertEquals(Path.of("/x/d/cam/cam.db"), dirs.dbFile());
  }

  @Test
  void homeDefaultsFollowXdgConventions() {
    CamDirs dirs = CamDirs.resolve(Map.of("HOME", "/home/u", "CAM_DATA_DIR", ""));
    assertEquals(Path.of("/home/u/.config/cam"), dirs.configDir());
    assertEquals(Path.of("/home/u/.config/cam/tools"), dirs.toolsDir());
    assertEquals(Path.of("/home/u/.local/share/cam"), dirs.dataDir());
    assertEquals(Path.of("/home/u/.local/share/cam/logs"), dirs.logsDir());
    assertEquals(Path.of("/home/u/.local/share/cam/plugins"), dirs.pluginsDir());
  }
}
