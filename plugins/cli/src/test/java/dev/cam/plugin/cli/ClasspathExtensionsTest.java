package dev.cam.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cam.api.ToolAdapter;
import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This module's test class path indexes an extension (the fake tool): a kernel finds it there,
 * unless told to take extensions from plugins only, as the launcher does.
 */
class ClasspathExtensionsTest {
  @TempDir Path temp;

  private List<String> toolIds(boolean pluginsOnly) {
    Map<String, String> env =
        Map.of(
            "CAM_CONFIG_DIR", temp.resolve("config").toString(),
            "CAM_DATA_DIR", temp.resolve("data").toString());
    try (Kernel kernel = new Kernel(temp.resolve("home"), env, temp, LaunchOptions.NONE)) {
      if (pluginsOnly) {
        kernel.extensionsFromPluginsOnly();
      }
      return kernel.extensions(ToolAdapter.class).stream().map(ToolAdapter::id).toList();
    }
  }

  @Test
  void classPathExtensionsAreFoundUnlessPluginsOnly() {
    assertEquals(List.of("fake"), toolIds(false));
    assertEquals(List.of(), toolIds(true));
  }
}
