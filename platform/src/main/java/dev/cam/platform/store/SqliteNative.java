package dev.cam.platform.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library unpacked in a private directory. By default the driver copies
 * it to a new file in the temporary directory on every start (and seeds a {@code SecureRandom} to
 * name it), which is a good part of a cold {@code cam list}. Pointing the driver at a copy made
 * once avoids that. When the copy cannot be made or loaded (a read-only or {@code noexec}
 * directory), the driver falls back to its own unpacking.
 */
final class SqliteNative {
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private SqliteNative() {}

  /** Uses (making when missing) a copy under {@code cacheDir}, unless a path is set already. */
  static void useCopyIn(Path cacheDir) {
    if (System.getProperty(PATH) != null) {
      return;
    }
    // Keyed by JVM properties: asking sqlite-jdbc's OSInfo would run 'uname' on every start.
    String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
    Path dir = cacheDir.resolve(driverKey()).resolve(platform.replaceAll("[^A-Za-z0-9_.-]", "_"));
    String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
    try {
      Path lib = dir.resolve(name);
      if (!Files.isRegularFile(lib) && !unpack(dir, name)) {
        return;
      }
      System.setProperty(PATH, dir.toString());
      System.setProperty(NAME, name);
    } catch (IOException | RuntimeException e) {
      // the driver unpacks its own copy, as it would without this
    }
  }

  /**
   * Names the driver: its jar's name and size, which need no jar opened (asking the driver for its
   * version reads a resource, which opens every jar before it on the class path), else its version.
   */
  private static String driverKey() {
    try {
      CodeSource source = SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar != null && Files.isRegularFile(jar)) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + Files.size(jar);
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // named by version below
    }
    return "sqlite-" + SQLiteJDBCLoader.getVersion();
  }

  private static boolean unpack(Path dir, String name) throws IOException {
    String resource =
        "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, name, ".tmp");
      try {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    }
  }
}
