package dev.cam.platform;

import dev.cam.api.AgentControl;
import dev.cam.api.AgentLogs;
import dev.cam.api.Agents;
import dev.cam.api.Cli;
import dev.cam.api.Config;
import dev.cam.api.Contexts;
import dev.cam.api.EventBus;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.api.Plugins;
import dev.cam.api.Subscription;
import dev.cam.api.TaskRunner;
import dev.cam.api.ToolAdapter;
import dev.cam.api.ToolSource;
import dev.cam.api.Transport;
import dev.cam.platform.agent.AgentManager;
import dev.cam.platform.agent.Backoff;
import dev.cam.platform.agent.Catalog;
import dev.cam.platform.agent.ManagerSettings;
import dev.cam.platform.agent.RunDefaults;
import dev.cam.platform.agent.StoreLeases;
import dev.cam.platform.config.CamDirs;
import dev.cam.platform.config.CamSettings;
import dev.cam.platform.config.ConfigFileEditor;
import dev.cam.platform.config.ConfigLoader;
import dev.cam.platform.config.ConfigSources;
import dev.cam.platform.config.LayeredConfig;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.monitor.AgentJournal;
import dev.cam.platform.monitor.MonitorSettings;
import dev.cam.platform.plugin.PluginHost;
import dev.cam.platform.store.Store;
import dev.cam.platform.task.GraphRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
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

  /** The config key listing plugin ids not to load. */
  static final String DISABLED_PLUGINS = "plugins.disabled";

  private final Path home;
  private final Map<String, String> env;
  private final Path workingDir;
  private final CamDirs dirs;
  private final Path userConfigFile;
  private final Map<String, String> flags;
  private final Lazy<String> version = new Lazy<>(Kernel::readVersion);
  private final Lazy<PluginHost> host = new Lazy<>(this::createHost);
  private final Lazy<LayeredConfig> config = new Lazy<>(this::loadConfig);
  private final Lazy<Store> store = new Lazy<>(this::openStore);
  private final Lazy<AgentLogs> logs = new Lazy<>(this::openLogs);
  private final Lazy<EventBus> events = new Lazy<>(this::createEvents);
  private final Lazy<AgentManager> control = new Lazy<>(this::createControl);
  private final Lazy<TaskRunner> tasks = new Lazy<>(this::createTasks);
  private volatile Thread preparer;
  private volatile boolean pluginsOnly;

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
    this.dirs = CamDirs.resolve(this.env);
    this.flags = options.flags();
    this.userConfigFile =
        options.configFile() == null
            ? dirs.userConfigFile()
            : options.configFile().toAbsolutePath().normalize();
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

  /**
   * Takes extensions from plugins only, not from the class path: the launcher's class path holds
   * libraries only. Call it before anything asks for plugins.
   */
  public void extensionsFromPluginsOnly() {
    this.pluginsOnly = true;
  }

  /**
   * Starts reading the configuration, then opening the store if {@code store}, on a background
   * thread, for a command about to need them: the command line's plugin loads meanwhile. The first
   * caller of {@link #config()} or {@link #agents()} and the like then waits for that work instead
   * of doing it; a failure is left for that caller to meet and report.
   */
  public void prepareAhead(boolean store) {
    Thread preparer =
        new Thread(
            () -> {
              try {
                config.get();
                if (store) {
                  this.store.get();
                }
              } catch (RuntimeException e) {
                // the command's own call does it again and reports the failure
              }
            },
            "cam-prepare");
    preparer.setDaemon(true);
    preparer.start();
    this.preparer = preparer;
  }

  @Override
  public Config config() {
    return config.get();
  }

  @Override
  public Path setUserConfig(String key, String value) {
    new ConfigFileEditor().set(userConfigFile, key, value);
    config.reset();
    return userConfigFile;
  }

  @Override
  public Path resetUserConfig(String key) {
    new ConfigFileEditor().reset(userConfigFile, key);
    config.reset();
    return userConfigFile;
  }

  @Override
  public EventBus events() {
    return events.get();
  }

  @Override
  public Agents agents() {
    return store.get().agents();
  }

  @Override
  public Contexts contexts() {
    return store.get().contexts();
  }

  @Override
  public AgentLogs logs() {
    return logs.get();
  }

  @Override
  public Plugins plugins() {
    PluginHost plugins = host.get();
    return new Plugins() {
      @Override
      public List<PluginInfo> list() {
        return plugins.list();
      }

      // Plugin changes are recorded as events only while watching: listing plugins on every
      // command must not write to the store.
      @Override
      public Subscription watch() {
        plugins.events((type, detail) -> events().publish(null, type, detail));
        return plugins.watch();
      }
    };
  }

  @Override
  public Path dataDir() {
    return dirs.dataDir();
  }

  @Override
  public Path configDir() {
    return dirs.configDir();
  }

  @Override
  public <T> List<T> extensions(Class<T> type) {
    PluginHost plugins = host.get();
    plugins.loadAll();
    return plugins.extensions(type);
  }

  @Override
  public AgentControl control() {
    return control.get();
  }

  @Override
  public TaskRunner tasks() {
    return tasks.get();
  }

  @Override
  public void close() {
    Thread opener = preparer;
    if (opener != null) {
      try {
        opener.join(); // the store it may open is closed below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    control.ifCreated(AgentManager::close);
    host.ifCreated(PluginHost::close);
    store.ifCreated(Store::close);
  }

  private PluginHost createHost() {
    List<Path> roots = List.of(home.resolve("plugins"), dirs.pluginsDir());
    PluginHost created = new PluginHost(roots, version(), () -> this);
    if (pluginsOnly) {
      created.extensionsFromPluginsOnly();
    }
    created.disabledByConfig(() -> config.get().getList(DISABLED_PLUGINS));
    return created;
  }

  private TaskRunner createTasks() {
    return new GraphRunner(
        store.get().taskGraphs(),
        this::control,
        agents(),
        Clock.systemUTC(),
        Duration.ofMillis(250));
  }

  private AgentManager createControl() {
    CamSettings settings = config.get().settings();
    String owner =
        "cam-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    ManagerSettings managerSettings =
        ManagerSettings.defaults(owner)
            .withMonitor(MonitorSettings.from(settings.monitor()))
            .withBackoff(Backoff.from(settings.retry()))
            .withRunDefaults(RunDefaults.from(config.get()))
            .withSignalDir(dataDir().resolve("signals"));
    Catalog catalog = new Catalog(() -> extensions(Transport.class), this::tools);
    return new AgentManager(
        new AgentJournal(agents(), events(), Clock.systemUTC()),
        contexts(),
        new StoreLeases(store.get().leases()),
        catalog,
        managerSettings);
  }

  /** Tool adapter extensions, then the adapters of tool sources whose ids are not taken. */
  private List<ToolAdapter> tools() {
    List<ToolAdapter> tools = new ArrayList<>(extensions(ToolAdapter.class));
    Set<String> ids = new HashSet<>();
    tools.forEach(t -> ids.add(t.id()));
    for (ToolSource source : extensions(ToolSource.class)) {
      source.tools().stream().filter(t -> ids.add(t.id())).forEach(tools::add);
    }
    return tools;
  }

  private Store openStore() {
    return Store.open(dirs.dbFile());
  }

  private AgentLogs openLogs() {
    return new JsonlAgentLogs(dirs.logsDir());
  }

  private EventBus createEvents() {
    return new StoredEventBus(store.get().events(), logs.get());
  }

  private LayeredConfig loadConfig() {
    return new ConfigLoader().load(new ConfigSources(userConfigFile, workingDir, env, flags));
  }

  private static Map<String, String> withDataDir(Map<String, String> env, LaunchOptions options) {
    if (options.dataDir() == null) {
      return Map.copyOf(env);
    }
    Map<String, String> copy = new HashMap<>(env);
    copy.put("CAM_DATA_DIR", options.dataDir().toAbsolutePath().toString());
    return Map.copyOf(copy);
  }

  /** CAM's version, from the platform jar; no plugin or config needed. */
  static String readVersion() {
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

    synchronized void reset() {
      value = null;
    }

    void ifCreated(java.util.function.Consumer<T> action) {
      T current = value;
      if (current != null) {
        action.accept(current);
      }
    }
  }
}
