package dev.cam.plugin.cli.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.plugin.cli.CliRig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plugins install, remove, enable and disable on real files and the real user config. */
class PluginFilesTest {
  @TempDir Path temp;
  private CliRig rig;

  @BeforeEach
  void setUp() {
    rig = new CliRig(temp);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void installCopiesIntoTheUserPluginsDirAndRemoveDeletesIt() throws Exception {
    Path jar = jar("hello", "1.2.0");

    assertEquals(0, rig.cam("plugins", "install", jar.toString()));
    Path installed = temp.resolve("data/plugins/hello.jar");
    assertTrue(Files.exists(installed), rig.out() + rig.err());
    assertTrue(rig.out().contains("installed hello 1.2.0"), rig.out());

    rig.clear();
    assertEquals(2, rig.cam("plugins", "install", jar.toString()));
    assertTrue(rig.err().contains("--force"), rig.err());
    assertEquals(0, rig.cam("plugins", "install", "--force", jar.toString()));

    assertEquals(0, rig.cam("plugins", "remove", "hello"));
    assertFalse(Files.exists(installed));
  }

  @Test
  void aFileWithoutPluginIdIsRefused() throws Exception {
    Path jar = jar(null, null);

    assertEquals(2, rig.cam("plugins", "install", jar.toString()));
    assertTrue(rig.err().contains("no Plugin-Id"), rig.err());
    assertEquals(3, rig.cam("plugins", "remove", "nothing"));
  }

  @Test
  void disableAndEnableEditTheUserConfig() {
    assertEquals(0, rig.cam("plugins", "disable", "tool-codex"));
    assertEquals(0, rig.cam("plugins", "disable", "tool-aider"));
    assertEquals("tool-codex,tool-aider", rig.kernel().config().get("plugins.disabled").get());

    assertEquals(0, rig.cam("plugins", "enable", "tool-codex"));
    assertEquals("tool-aider", rig.kernel().config().get("plugins.disabled").get());
    assertEquals(2, rig.cam("plugins", "disable", "cli"));
  }

  private Path jar(String id, String version) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (id != null) {
      manifest.getMainAttributes().putValue("Plugin-Id", id);
      manifest.getMainAttributes().putValue("Plugin-Version", version);
    }
    Path jar = temp.resolve((id == null ? "plain" : id) + ".jar");
    // a manifest is all the plugin host needs to list it
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      jarOut.finish();
    }
    return jar;
  }
}
