package dev.cam.platform.plugin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginManager;

/**
 * PF4J's finder of indexed extensions, which can be told to look in plugins only: the
 * distribution's class path holds no extensions, and asking it for their index opens every jar on
 * it (sqlite-jdbc's among them), a good part of a cold {@code cam} command's plugin start-up.
 * Embedded uses (tests with extensions on their class path) keep looking there.
 */
final class PluginExtensionFinder extends IndexedExtensionFinder {
  private volatile boolean classpath = true;

  PluginExtensionFinder(PluginManager manager) {
    super(manager);
  }

  /** From now on, extensions come from plugins only. */
  void pluginsOnly() {
    classpath = false;
  }

  @Override
  public Map<String, Set<String>> readClasspathStorages() {
    return classpath ? super.readClasspathStorages() : new HashMap<>();
  }
}
