package dev.cam.platform.plugin;

import dev.cam.api.EventTypes;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.api.Plugins;
import dev.cam.api.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, starts and stops CAM's plugins with PF4J, from several roots (the distribution's {@code
 * plugins/} and the user's {@code <dataDir>/plugins/}; the last root is the one {@link #watch()}
 * watches). A plugin that fails to load, start or create an extension is shown FAILED with its
 * reason and the others carry on. Plugins are turned off by listing their ids in {@code
 * disabled.txt} in a plugins root or in the {@code plugins.disabled} config key.
 *
 * <p>Threading: every method is safe from any thread; plugin changes happen one at a time.
 * Lifecycle: {@link #close()} stops the plugins one by one in reverse start order and unloads them.
 */
public final class PluginHost implements Plugins, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
  private static final Duration QUIET = Duration.ofMillis(300);

  private final HostPluginManager manager;
  private final List<Path> roots;
  private final List<Subscription> watchers = new CopyOnWriteArrayList<>();
  private volatile PluginEventSink events = PluginEventSink.NONE;
  private boolean allLoaded;

  /**
   * @param roots plugin roots; missing directories are fine
   * @param camVersion CAM's version, checked against each plugin's {@code Plugin-Requires}
   * @param context handed to extension constructors, asked for on first use
   */
  public PluginHost(List<Path> roots, String camVersion, Supplier<PlatformContext> context) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("at least one plugins root is needed");
    }
    this.roots = List.copyOf(roots);
    this.manager = new HostPluginManager(this.roots, context);
    manager.setSystemVersion(camVersion.replaceFirst("-.*", ""));
  }

  /**
   * Takes extensions from plugins only, not from the class path CAM runs on (which the distribution
   * fills with libraries and no extensions): looking there opens every jar on it.
   */
  public void extensionsFromPluginsOnly() {
    manager.extensionsFromPluginsOnly();
  }

  /** Also treats these ids as disabled (the {@code plugins.disabled} config key). */
  public void disabledByConfig(Supplier<Collection<String>> ids) {
    manager.disabled().configured(ids);
  }

  /** Reports plugin changes from now on to this sink. */
  public void events(PluginEventSink sink) {
    this.events = sink;
  }

  /**
   * Loads and starts only the plugin with this id, found by its file name ({@code id}, {@code
   * id.jar}, {@code id-1.0.zip}, ...) in the roots, without looking at any other plugin.
   *
   * @return whether it started
   */
  public synchronized boolean startOnly(String pluginId) {
    PluginWrapper loaded = manager.getPlugin(pluginId);
    if (loaded == null) {
      for (Path candidate : candidates(pluginId)) {
        String id = manager.tryLoad(candidate);
        if (pluginId.equals(id)) {
          manager.resolve();
          break;
        }
      }
      loaded = manager.getPlugin(pluginId);
    }
    if (loaded == null || !manager.getResolvedPlugins().contains(loaded)) {
      return false;
    }
    if (loaded.getPluginState() != org.pf4j.PluginState.STARTED) {
      manager.start(loaded);
    }
    return loaded.getPluginState() == org.pf4j.PluginState.STARTED;
  }

  /** Loads and starts every plugin of every root not loaded yet. */
  public synchronized void loadAll() {
    if (allLoaded) {
      return;
    }
    manager.disabled().consultConfig();
    allLoaded = true;
    List<String> ids = new ArrayList<>();
    for (Path path : manager.newPluginPaths()) {
      String id = manager.tryLoad(path);
      if (id == null) {
        publish(
            EventTypes.PLUGIN_FAILED, PluginInfos.failed(path, manager.loadFailures().get(path)));
      } else {
        ids.add(id);
      }
    }
    manager.resolve();
    ids.stream().map(manager::getPlugin).filter(w -> w != null).forEach(this::publishLoaded);
    manager.startResolved().forEach(this::publishStarted);
  }

  /** Extensions of this type from every started plugin (plugins not loaded yet are not asked). */
  public synchronized <T> List<T> extensions(Class<T> type) {
    return manager.getExtensions(type);
  }

  /** Extensions of this type from one plugin, empty unless it is started. */
  public synchronized <T> List<T> extensions(Class<T> type, String pluginId) {
    PluginWrapper wrapper = manager.getPlugin(pluginId);
    if (wrapper == null || wrapper.getPluginState() != org.pf4j.PluginState.STARTED) {
      return List.of();
    }
    return manager.getExtensions(type, pluginId);
  }

  @Override
  public synchronized List<PluginInfo> list() {
    loadAll();
    return snapshot();
  }

  /** Every plugin known now, without loading more. */
  public synchronized List<PluginInfo> snapshot() {
    Stream<PluginInfo> loaded = manager.getPlugins().stream().map(PluginInfos::of);
    Stream<PluginInfo> failed =
        manager.loadFailures().entrySet().stream()
            .map(entry -> PluginInfos.failed(entry.getKey(), entry.getValue()));
    return Stream.concat(loaded, failed)
        .sorted(Comparator.comparing(PluginInfo::id).thenComparing(PluginInfo::source))
        .toList();
  }

  /**
   * Loads and starts the plugin at this path (a jar, a zip or a directory in a root), replacing the
   * one loaded from there before.
   */
  public synchronized PluginInfo load(Path path) {
    unload(path);
    String id = manager.tryLoad(path);
    if (id == null) {
      PluginInfo failed = PluginInfos.failed(path, manager.loadFailures().get(path));
      publish(EventTypes.PLUGIN_FAILED, failed);
      return failed;
    }
    manager.resolve();
    PluginWrapper wrapper = manager.getPlugin(id);
    if (wrapper == null) {
      return snapshot().stream().filter(info -> info.id().equals(id)).findFirst().orElseThrow();
    }
    publishLoaded(wrapper);
    if (manager.getResolvedPlugins().contains(wrapper)) {
      manager.start(wrapper);
      publishStarted(wrapper);
    }
    return PluginInfos.of(wrapper);
  }

  /** Stops and unloads the plugin loaded from this path (or from the zip's unpacked directory). */
  public synchronized Optional<PluginInfo> unload(Path path) {
    manager.loadFailures().remove(path);
    Path unpacked = path.resolveSibling(PluginInfos.idFromFileName(path));
    boolean zip = path.getFileName().toString().endsWith(".zip");
    Optional<PluginWrapper> found =
        manager.getPlugins().stream()
            .filter(
                w -> w.getPluginPath().equals(path) || zip && w.getPluginPath().equals(unpacked))
            .findFirst();
    found.ifPresent(this::stopAndUnload);
    if (zip) {
      PluginFiles.deleteTree(unpacked);
    }
    return found.map(PluginInfos::of);
  }

  /** Whether a loaded plugin came from this path. */
  public synchronized boolean isLoadedFrom(Path path) {
    return manager.getPlugins().stream().anyMatch(w -> w.getPluginPath().equals(path));
  }

  @Override
  public Subscription watch() {
    return watch(roots.get(roots.size() - 1));
  }

  /** Loads plugins dropped into this directory and unloads removed ones until closed. */
  public Subscription watch(Path directory) {
    PluginWatcher watcher = new PluginWatcher(directory, this, QUIET);
    watcher.start();
    watchers.add(watcher);
    return () -> {
      watchers.remove(watcher);
      watcher.close();
    };
  }

  @Override
  public synchronized void close() {
    watchers.forEach(Subscription::close);
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    for (int i = started.size() - 1; i >= 0; i--) {
      stopQuietly(started.get(i));
    }
    for (PluginWrapper wrapper : manager.getPlugins()) {
      manager.forgetExtensions(wrapper.getPluginClassLoader());
      manager.unloadPlugin(wrapper.getPluginId());
    }
  }

  private void stopAndUnload(PluginWrapper wrapper) {
    if (stopQuietly(wrapper)) {
      publish(EventTypes.PLUGIN_STOPPED, PluginInfos.of(wrapper));
    }
    ClassLoader loader = wrapper.getPluginClassLoader();
    manager.forgetExtensions(loader);
    PluginInfo info = PluginInfos.of(wrapper);
    manager.unloadPlugin(wrapper.getPluginId());
    publish(EventTypes.PLUGIN_UNLOADED, info);
  }

  private boolean stopQuietly(PluginWrapper wrapper) {
    if (wrapper.getPluginState() != org.pf4j.PluginState.STARTED) {
      return false;
    }
    try {
      manager.stopPlugin(wrapper.getPluginId());
    } catch (RuntimeException | LinkageError e) {
      wrapper.setFailedException(e);
    }
    return true;
  }

  private List<Path> candidates(String pluginId) {
    return roots.stream()
        .flatMap(root -> PluginFiles.named(root, pluginId).stream())
        .filter(path -> manager.loadFailures().get(path) == null)
        .toList();
  }

  private void publishLoaded(PluginWrapper wrapper) {
    publish(EventTypes.PLUGIN_LOADED, PluginInfos.of(wrapper));
  }

  private void publishStarted(PluginWrapper wrapper) {
    PluginInfo info = PluginInfos.of(wrapper);
    boolean started = wrapper.getPluginState() == org.pf4j.PluginState.STARTED;
    publish(started ? EventTypes.PLUGIN_STARTED : EventTypes.PLUGIN_FAILED, info);
  }

  private void publish(String type, PluginInfo info) {
    try {
      events.publish(type, PluginInfos.detail(info));
    } catch (RuntimeException e) {
      // A failing event store must not stop plugins from loading; the list still tells.
      LOG.warn("Cannot record {} for plugin {}: {}", type, info.id(), e.getMessage());
    }
  }
}
