package dev.cam.plugin.cli.system;

import dev.cam.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The PF4J manifest of a plugin file: {@code META-INF/MANIFEST.MF} of a jar, or {@code
 * classes/META-INF/MANIFEST.MF} of a plugin zip.
 *
 * @param id {@code Plugin-Id}
 * @param version {@code Plugin-Version}
 */
record PluginManifest(String id, String version) {
  /** The plugin id of a file, or empty when it is not a readable plugin file. */
  static Optional<String> idOf(Path file) {
    try {
      return Optional.of(read(file).id());
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  static PluginManifest read(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file) || !(name.endsWith(".jar") || name.endsWith(".zip"))) {
      throw new InvalidInputException(file + " is not a plugin file: give a .jar or .zip");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().endsWith("META-INF/MANIFEST.MF")) {
          try (InputStream in = zip.getInputStream(entry)) {
            Attributes main = new Manifest(in).getMainAttributes();
            String id = main.getValue("Plugin-Id");
            if (id != null && !id.isBlank()) {
              return new PluginManifest(id.trim(), String.valueOf(main.getValue("Plugin-Version")));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read " + file + " as a jar or zip: " + e.getMessage(), e);
    }
    throw new InvalidInputException(
        file + " has no Plugin-Id in its manifest: it is not a CAM plugin");
  }
}
