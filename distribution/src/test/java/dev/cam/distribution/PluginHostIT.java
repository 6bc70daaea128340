package dev.cam.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.Cli;
import dev.cam.api.EventTypes;
import dev.cam.api.Frontend;
import dev.cam.api.PluginInfo;
import dev.cam.api.PluginState;
import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import dev.cam.platform.plugin.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host against real plugin jars and the real cli plugin of the distribution. */
class PluginHostIT {
  @TempDir Path temp;
  private Path plugins;
  private TestPlugins build;
  private Kernel kernel;
  private PluginHost host;

  @BeforeEach
  void setUp() throws IOException {
    plugins = Files.createDirectories(temp.resolve("plugins"));
    build = new TestPlugins(Files.createDirectories(temp.resolve("build")));
    Map<String, String> env =
        Map.of(
            "CAM_CONFIG_DIR",
            temp.resolve("config").toString(),
            "CAM_DATA_DIR",
            temp.resolve("data").toString());
    kernel = new Kernel(temp.resolve("home"), env, temp, LaunchOptions.NONE);
    host = new PluginHost(List.of(plugins), "0.1.0", () -> kernel);
    System.clearProperty("cam.test.lifecycle");
  }

  @AfterEach
  void tearDown() {
    host.close();
    kernel.close();
  }

  @Test
  void failingPluginsAreFailedWithTheirReasonWhileTheOthersStart() throws IOException {
    copyCliPlugin();
    install(goodPlugin("good"));
    install(
        build.jar(
            "ctor-throws",
            Map.of(
                "t.ctor.Bad",
                Sources.frontend(
                    "t.ctor",
                    "Bad",
                    "if (true) throw new IllegalStateException(\"no licence key\");")),
            List.of("t.ctor.Bad"),
            Map.of()));
    install(
        build.jar(
            "start-throws",
            Map.of(
                "t.start.Lifecycle",
                Sources.recordingPlugin(
                    "t.start",
                    "start-throws",
                    "if (true) throw new IllegalStateException(\"port taken\");")),
            List.of(),
            Map.of("Plugin-Class", "t.start.Lifecycle")));
    install(build.notAPlugin("junk"));

    host.loadAll();
    List<Frontend> frontends = host.extensions(Frontend.class);

    assertEquals(
        List.of("good on cam 0.1.0-SNAPSHOT"), frontends.stream().map(Frontend::describe).toList());
    assertEquals(1, host.extensions(Cli.class).size(), "the real cli plugin's Cli");
    assertEquals(PluginState.STARTED, info("cli").state());
    assertEquals(PluginState.STARTED, info("good").state());
    assertFailed("ctor-throws", "no licence key");
    assertFailed("start-throws", "port taken");
    assertEquals(PluginState.FAILED, info("junk").state());
    assertTrue(info("junk").source().endsWith("junk.jar"), info("junk").source());
  }

  @Test
  void disabledPluginsAreListedButNotStarted() throws IOException {
    install(goodPlugin("good"));
    install(goodPlugin("other"));
    Files.writeString(plugins.resolve("disabled.txt"), "# turned off\nother\n");

    host.loadAll();

    assertEquals(PluginState.STARTED, info("good").state());
    assertEquals(PluginState.DISABLED, info("other").state());
    assertEquals(1, host.extensions(Frontend.class).size());
  }

  @Test
  void pluginsStopOneByOneInReverseStartOrder() throws IOException {
    install(lifecyclePlugin("base", ""));
    install(lifecyclePlugin("middle", "base"));
    install(lifecyclePlugin("top", "middle"));

    host.loadAll();
    host.close();

    assertEquals(
        "start:base start:middle start:top stop:top stop:middle stop:base",
        System.getProperty("cam.test.lifecycle").strip());
  }

  @Test
  void aDroppedJarStartsWithinTwoSecondsAndARemovedOneIsUnloaded() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    host.events((type, detail) -> events.add(type + ":" + detail.get("plugin")));
    host.loadAll();
    Path jar = goodPlugin("hot");
    var watch = host.watch(plugins);
    try {
      Path dropped = plugins.resolve(jar.getFileName());
      Files.copy(jar, dropped);

      await(
          Duration.ofSeconds(2),
          () -> find("hot").map(p -> p.state() == PluginState.STARTED).orElse(false));
      assertEquals(
          List.of("hot on cam 0.1.0-SNAPSHOT"),
          host.extensions(Frontend.class).stream().map(Frontend::describe).toList());
      assertTrue(
          events.containsAll(
              List.of(EventTypes.PLUGIN_LOADED + ":hot", EventTypes.PLUGIN_STARTED + ":hot")),
          events.toString());

      Files.delete(dropped);

      await(Duration.ofSeconds(2), () -> find("hot").isEmpty());
      assertTrue(host.extensions(Frontend.class).isEmpty());
      assertTrue(
          events.containsAll(
              List.of(EventTypes.PLUGIN_STOPPED + ":hot", EventTypes.PLUGIN_UNLOADED + ":hot")),
          events.toString());
    } finally {
      watch.close();
    }
  }

  @Test
  void aDroppedBrokenJarIsReportedFailed() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    host.events((type, detail) -> events.add(type + ":" + detail.get("plugin")));
    host.loadAll();
    var watch = host.watch(plugins);
    try {
      Files.copy(build.notAPlugin("broken"), plugins.resolve("broken.jar"));

      await(Duration.ofSeconds(2), () -> find("broken").isPresent());
      assertEquals(PluginState.FAILED, info("broken").state());
      assertTrue(events.contains(EventTypes.PLUGIN_FAILED + ":broken"), events.toString());
    } finally {
      watch.close();
    }
  }

  private Path goodPlugin(String id) throws IOException {
    String pkg = "t." + id;
    return build.jar(
        id,
        Map.of(
            pkg + ".Good",
            Sources.frontend(pkg, "Good", "")
                .replace("\"Good\"", "\"" + id + "\"")
                .replace("\"Good on cam", "\"" + id + " on cam")),
        List.of(pkg + ".Good"),
        Map.of());
  }

  private Path lifecyclePlugin(String id, String dependsOn) throws IOException {
    String pkg = "t." + id;
    return build.jar(
        id,
        Map.of(pkg + ".Lifecycle", Sources.recordingPlugin(pkg, id, "")),
        List.of(),
        Map.of("Plugin-Class", pkg + ".Lifecycle", "Plugin-Dependencies", dependsOn));
  }

  private void install(Path jar) throws IOException {
    Files.copy(jar, plugins.resolve(jar.getFileName()));
  }

  private void copyCliPlugin() throws IOException {
    Path source = Path.of(System.getProperty("cam.dist"), "plugins", "cli");
    Path target = plugins.resolve("cli");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private Optional<PluginInfo> find(String id) {
    return host.snapshot().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private PluginInfo info(String id) {
    return find(id)
        .orElseThrow(() -> new AssertionError("no plugin " + id + " in " + host.snapshot()));
  }

  private void assertFailed(String id, String reason) {
    PluginInfo plugin = info(id);
    assertEquals(PluginState.FAILED, plugin.state(), plugin.toString());
    assertTrue(plugin.reason().contains(reason), plugin.reason());
    assertFalse(plugin.reason().contains("\n"));
  }

  private static void await(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
