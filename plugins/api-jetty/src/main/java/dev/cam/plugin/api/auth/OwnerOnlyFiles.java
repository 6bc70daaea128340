package dev.cam.plugin.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Secrets and private state written as whole files readable by their owner only (0600): the content
 * goes to a temporary file created 0600 beside the target, which is then moved into place, so no
 * reader ever sees a partial file or one with wider permissions.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * The text of {@code file}, created first with {@code content} when missing; a file readable by
   * others is made owner-only.
   */
  public static String readOrCreate(Path file, Supplier<String> content) throws IOException {
    if (!Files.exists(file)) {
      create(file, content.get());
    }
    if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code text} as {@code file} unless it exists: of several processes creating it at the
   * same moment, one wins and the others keep its content.
   */
  public static void create(Path file, String text) throws IOException {
    write(file, text, false);
  }

  /** Writes {@code text} as {@code file}, replacing it atomically. */
  public static void replace(Path file, String text) throws IOException {
    write(file, text, true);
  }

  private static void write(Path file, String text, boolean replace) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        Files.createTempFile(
            dir,
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (replace) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(temp, file);
      }
    } catch (FileAlreadyExistsException e) {
      // another process created it first: its content is the one
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
