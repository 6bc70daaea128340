package dev.cam.platform.plugin;

import java.nio.file.Path;
import java.util.jar.Manifest;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;

/**
 * Reads a plugin's descriptor from its manifest ({@code Plugin-Id}, {@code Plugin-Version}, ...),
 * failing with a clear reason where PF4J's compound finder logs a stack trace per finder.
 */
final class ManifestDescriptors extends ManifestPluginDescriptorFinder {
  @Override
  protected Manifest readManifest(Path pluginPath) {
    Manifest manifest = super.readManifest(pluginPath);
    if (manifest == null || manifest.getMainAttributes().getValue(PLUGIN_ID) == null) {
      throw new PluginRuntimeException(
          "not a plugin: no manifest with a Plugin-Id in %s", pluginPath.getFileName());
    }
    return manifest;
  }
}
