package dev.cam.platform.plugin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginManager;

/**
 * PF4J's finder of indexed extensions, looking in plugins only. CAM's own class path holds no
 * extensions, and asking it for their index opens every jar on it (sqlite-jdbc's among them), a
 * good part of a cold {@code cam} command's plugin start-up.
 */
final class PluginExtensionFinder extends IndexedExtensionFinder {
  PluginExtensionFinder(PluginManager manager) {
    super(manager);
  }

  @Override
  public Map<String, Set<String>> readClasspathStorages() {
    return new HashMap<>();
  }
}
