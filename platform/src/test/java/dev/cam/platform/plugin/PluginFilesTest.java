package dev.cam.platform.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFilesTest {
  @TempDir Path root;

  @Test
  void aPluginIsFoundByIdWithOrWithoutVersionDirectoriesFirst() throws Exception {
    Files.createDirectories(root.resolve("cli"));
    Files.createFile(root.resolve("cli-1.0.zip"));
    Files.createFile(root.resolve("cli-1.0.jar"));
    Files.createFile(root.resolve("cli-extras.jar"));
    Files.createFile(root.resolve(".cli.jar"));

    List<Path> found = PluginFiles.named(root, "cli");

    assertEquals(
        List.of(root.resolve("cli"), root.resolve("cli-1.0.jar"), root.resolve("cli-1.0.zip")),
        found);
  }

  @Test
  void theSignatureChangesWhileAFileGrows() throws Exception {
    Path jar = root.resolve("x.jar");
    Files.write(jar, new byte[10]);
    long before = PluginFiles.signature(jar);
    Files.write(jar, new byte[20]);

    assertNotEquals(before, PluginFiles.signature(jar));
    assertEquals(-1, PluginFiles.signature(root.resolve("gone.jar")));
  }
}
