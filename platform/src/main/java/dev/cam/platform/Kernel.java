package dev.cam.platform;

import dev.cam.api.AgentLogs;
import dev.cam.api.Agents;
import dev.cam.api.Cli;
import dev.cam.api.Config;
import dev.cam.api.Contexts;
import dev.cam.api.EventBus;
import dev.cam.api.PlatformContext;
import dev.cam.api.Plugins;
import dev.cam.platform.plugin.PluginHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The {@link PlatformContext} of one CAM process. Every service is made on first use, so a command
 * that needs none of them ({@code cam --version}) parses no config, opens no database and loads no
 * plugin other than the command line.
 *
 * <p>Threading: safe from any thread. Lifecycle: {@link #close()} stops the plugins, then closes
 * the store.
 */
public final class Kernel implements PlatformContext, AutoCloseable {
  /** The plugin that provides the command line, started before any other. */
  static final String CLI_PLUGIN = "cli";

  private final Path home;
  private final Map<String, String> env;
  private final Path workingDir;
  private final LaunchOptions options;
  private final Lazy<String> version = new Lazy<>(Kernel::readVersion);
  private final Lazy<PluginHost> host = new Lazy<>(this::createHost);

  /**
   * @param home the distribution's directory (holding {@code plugins/})
   * @param env the environment ({@code CAM_*} variables, {@code HOME}, XDG paths)
   * @param workingDir where {@code .cam/config.toml} is looked for, upward
   * @param options the launcher's global options
   */
  public Kernel(Path home, Map<String, String> env, Path workingDir, LaunchOptions options) {
    this.home = home;
    this.env = withDataDir(env, options);
    this.workingDir = workingDir;
    this.options = options;
  }

  @Override
  public String version() {
    return version.get();
  }

  /** The command line, loading only its plugin; empty when it is missing or broken. */
  public Optional<Cli> cli() {
    PluginHost plugins = host.get();
    if (!plugins.startOnly(CLI_PLUGIN)) {
      return Optional.empty();
    }
    return plugins.extensions(Cli.class, CLI_PLUGIN).stream().findFirst();
  }

  /** Why the command line could not be started, for the one line the launcher prints. */
  public String cliProblem() {
    return host.get().snapshot().stream()
        .filter(info -> info.id().equals(CLI_PLUGIN) && info.reason() != null)
        .map(info -> info.source() + ": " + info.reason())
        .findFirst()
        .orElse("no '" + CLI_PLUGIN + "' plugin in " + home.resolve("plugins"));
  }

  @Override
  public Config config() {
    throw new UnsupportedOperationException("config is not wired yet");
  }

  @Override
  public EventBus events() {
    throw new UnsupportedOperationException("events are not wired yet");
  }

  @Override
  public Agents agents() {
    throw new UnsupportedOperationException("agents are not wired yet");
  }

  @Override
  public Contexts contexts() {
    throw new UnsupportedOperationException("contexts are not wired yet");
  }

  @Override
  public AgentLogs logs() {
    throw new UnsupportedOperationException("logs are not wired yet");
  }

  @Override
  public Plugins plugins() {
    return host.get();
  }

  @Override
  public Path dataDir() {
    String configured = env.get("CAM_DATA_DIR");
    if (configured != null) {
      return Path.of(configured);
    }
    return Path.of(env.getOrDefault("HOME", "."), ".local", "share", "cam");
  }

  @Override
  public Path configDir() {
    String configured = env.get("CAM_CONFIG_DIR");
    if (configured != null) {
      return Path.of(configured);
    }
    return Path.of(env.getOrDefault("HOME", "."), ".config", "cam");
  }

  @Override
  public <T> List<T> extensions(Class<T> type) {
    PluginHost plugins = host.get();
    plugins.loadAll();
    return plugins.extensions(type);
  }

  @Override
  public void close() {
    host.ifCreated(PluginHost::close);
  }

  private PluginHost createHost() {
    List<Path> roots = List.of(home.resolve("plugins"), dataDir().resolve("plugins"));
    return new PluginHost(roots, version(), () -> this);
  }

  private static Map<String, String> withDataDir(Map<String, String> env, LaunchOptions options) {
    if (options.dataDir() == null) {
      return Map.copyOf(env);
    }
    Map<String, String> copy = new HashMap<>(env);
    copy.put("CAM_DATA_DIR", options.dataDir().toAbsolutePath().toString());
    return Map.copyOf(copy);
  }

  private static String readVersion() {
    try (InputStream in = Kernel.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CAM's version: " + e.getMessage(), e);
    }
  }

  /** A value made on first use, once, by whichever thread asks first. */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
      this.factory = factory;
    }

    @Override
    public T get() {
      T current = value;
      if (current == null) {
        synchronized (this) {
          current = value;
          if (current == null) {
            current = factory.get();
            value = current;
          }
        }
      }
      return current;
    }

    void ifCreated(java.util.function.Consumer<T> action) {
      T current = value;
      if (current != null) {
        action.accept(current);
      }
    }
  }
}
