package dev.cam.platform.plugin;

import dev.cam.api.PlatformContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's manager, changed where CAM needs it: a plugin that fails to load, resolve, start or create
 * an extension is recorded as FAILED with its reason (PF4J would log and drop it), extensions get
 * the {@link PlatformContext}, and the runtime mode is always DEPLOYMENT. Not thread-safe: {@link
 * PluginHost} serialises every call.
 */
final class HostPluginManager extends DefaultPluginManager {
  private final ContextExtensionFactory extensions;
  private final Map<Path, String> loadFailures = new LinkedHashMap<>();

  HostPluginManager(List<Path> roots, Supplier<PlatformContext> context) {
    super(roots);
    this.extensions = new ContextExtensionFactory(context);
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  public ExtensionFactory getExtensionFactory() {
    return extensions;
  }

  @Override
  protected PluginStatusProvider createPluginStatusProvider() {
    return new DisabledPlugins(getPluginsRoots());
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    return new ManifestDescriptors();
  }

  @Override
  protected ExtensionFinder createExtensionFinder() {
    PluginExtensionFinder finder = new PluginExtensionFinder(this);
    addPluginStateListener(finder); // it forgets what it found when plugins come and go
    return finder;
  }

  @Override
  protected PluginFactory createPluginFactory() {
    return new StrictPluginFactory();
  }

  /** Extensions from plugins only, not from the class path CAM runs on. */
  void extensionsFromPluginsOnly() {
    ((PluginExtensionFinder) extensionFinder).pluginsOnly();
  }

  DisabledPlugins disabled() {
    return (DisabledPlugins) pluginStatusProvider;
  }

  Map<Path, String> loadFailures() {
    return loadFailures;
  }

  /** Plugin paths in the roots that are neither loaded nor known to fail. */
  List<Path> newPluginPaths() {
    return pluginRepository.getPluginPaths().stream()
        .filter(path -> idForPath(path) == null && !loadFailures.containsKey(path))
        .toList();
  }

  /** Loads one plugin without resolving it; returns its id, or null after recording why not. */
  String tryLoad(Path path) {
    loadFailures.remove(path);
    try {
      PluginWrapper wrapper = loadPluginFromPath(path);
      if (wrapper == null) {
        loadFailures.put(path, "cannot unpack " + path + "; is the zip complete?");
        return null;
      }
      return wrapper.getPluginId();
    } catch (RuntimeException | LinkageError e) {
      loadFailures.put(path, Reasons.of(e));
      return null;
    }
  }

  /** Resolves loaded plugins; those whose dependencies are missing are unloaded as failures. */
  void resolve() {
    Map<String, PluginWrapper> before = new LinkedHashMap<>(plugins);
    try {
      resolvePlugins();
    } catch (PluginRuntimeException e) {
      for (PluginWrapper wrapper : new ArrayList<>(unresolvedPlugins)) {
        unloadPlugin(wrapper.getPluginId(), false, false);
      }
      before.values().stream()
          .filter(wrapper -> !plugins.containsKey(wrapper.getPluginId()))
          .forEach(wrapper -> loadFailures.put(wrapper.getPluginPath(), Reasons.of(e)));
    }
    before.values().stream()
        .filter(wrapper -> !plugins.containsKey(wrapper.getPluginId()))
        .forEach(wrapper -> loadFailures.putIfAbsent(wrapper.getPluginPath(), missing(wrapper)));
  }

  /** Starts every resolved plugin that is not started, disabled or failed, in dependency order. */
  List<PluginWrapper> startResolved() {
    List<PluginWrapper> started = new ArrayList<>();
    for (PluginWrapper wrapper : new ArrayList<>(resolvedPlugins)) {
      PluginState state = wrapper.getPluginState();
      if (state == PluginState.RESOLVED || state == PluginState.CREATED) {
        start(wrapper);
        started.add(wrapper);
      }
    }
    return started;
  }

  /** Starts one plugin, recording the failure instead of logging it. */
  PluginState start(PluginWrapper wrapper) {
    PluginState old = wrapper.getPluginState();
    try {
      requireStartedDependencies(wrapper);
      wrapper.getPlugin().start();
      wrapper.setPluginState(PluginState.STARTED);
      wrapper.setFailedException(null);
      startedPlugins.add(wrapper);
    } catch (RuntimeException | LinkageError e) {
      wrapper.setPluginState(PluginState.FAILED);
      wrapper.setFailedException(e);
    }
    firePluginStateEvent(new PluginStateEvent(this, wrapper, old));
    return wrapper.getPluginState();
  }

  /** Drops an unloaded plugin's extension instances. */
  void forgetExtensions(ClassLoader loader) {
    extensions.forget(loader);
  }

  @Override
  protected <T> List<T> getExtensions(List<ExtensionWrapper<T>> wrappers) {
    List<Found<T>> found = new ArrayList<>();
    Set<PluginWrapper> failed = new HashSet<>();
    for (ExtensionWrapper<T> extension : wrappers) {
      PluginWrapper owner = whichPlugin(extension.getDescriptor().extensionClass);
      try {
        found.add(new Found<>(extension.getExtension(), owner));
      } catch (RuntimeException | LinkageError e) {
        if (owner != null) {
          fail(owner, e);
          failed.add(owner);
        }
      }
    }
    return found.stream()
        .filter(each -> !failed.contains(each.owner()))
        .map(Found::extension)
        .toList();
  }

  private record Found<T>(T extension, PluginWrapper owner) {}

  private void fail(PluginWrapper wrapper, Throwable failure) {
    PluginState old = wrapper.getPluginState();
    try {
      wrapper.getPlugin().stop();
    } catch (RuntimeException | LinkageError e) {
      failure.addSuppressed(e);
    }
    wrapper.setPluginState(PluginState.FAILED);
    wrapper.setFailedException(failure);
    startedPlugins.remove(wrapper);
    firePluginStateEvent(new PluginStateEvent(this, wrapper, old));
  }

  private void requireStartedDependencies(PluginWrapper wrapper) {
    for (PluginDependency dependency : wrapper.getDescriptor().getDependencies()) {
      PluginWrapper needed = getPlugin(dependency.getPluginId());
      boolean started = needed != null && needed.getPluginState() == PluginState.STARTED;
      if (!started && !dependency.isOptional()) {
        throw new PluginRuntimeException(
            "needs plugin '%s', which is not started", dependency.getPluginId());
      }
    }
  }

  private static String missing(PluginWrapper wrapper) {
    List<String> needed =
        wrapper.getDescriptor().getDependencies().stream().map(Object::toString).toList();
    return "needs plugins that are missing or of another version: " + String.join(", ", needed);
  }
}
