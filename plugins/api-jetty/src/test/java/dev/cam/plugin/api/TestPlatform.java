package dev.cam.plugin.api;

import dev.cam.api.AgentControl;
import dev.cam.api.AgentLogs;
import dev.cam.api.Agents;
import dev.cam.api.Config;
import dev.cam.api.Contexts;
import dev.cam.api.EventBus;
import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.api.PluginState;
import dev.cam.api.Plugins;
import dev.cam.api.TaskRunner;
import dev.cam.platform.config.ConfigLoader;
import dev.cam.platform.config.ConfigSources;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The kernel's real services on temporary directories: the SQLite store, the stored event bus, the
 * JSONL logs and the layered configuration (with {@code flags} as the top layer).
 */
final class TestPlatform implements PlatformContext, AutoCloseable {
  private final Path root;
  private final Store store;
  private final JsonlAgentLogs logs;
  private final StoredEventBus events;
  private final Config config;
  private volatile AgentControl control;
  private volatile TaskRunner tasks;
  private final List<Object> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();

  TestPlatform(Path root, Map<String, String> flags) {
    this.root = root;
    this.store = Store.open(dataDir().resolve("cam.db"));
    this.logs = new JsonlAgentLogs(dataDir().resolve("logs"));
    this.events = new StoredEventBus(store.events(), logs);
    this.config =
        new ConfigLoader()
            .load(new ConfigSources(configDir().resolve("config.toml"), root, Map.of(), flags));
  }

  Store store() {
    return store;
  }

  void control(AgentControl agentControl) {
    this.control = agentControl;
  }

  /** Offers {@code extension} to whoever asks for the extensions of a type it implements. */
  void extension(Object extension) {
    extensions.add(extension);
  }

  void tasks(TaskRunner runner) {
    this.tasks = runner;
  }

  @Override
  public TaskRunner tasks() {
    TaskRunner current = tasks;
    if (current == null) {
      throw new UnsupportedOperationException("no task runner in this test");
    }
    return current;
  }

  @Override
  public String version() {
    return "0.1.0-test";
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public EventBus events() {
    return events;
  }

  @Override
  public Agents agents() {
    return store.agents();
  }

  @Override
  public Contexts contexts() {
    return store.contexts();
  }

  @Override
  public AgentLogs logs() {
    return logs;
  }

  @Override
  public Plugins plugins() {
    return () -> List.of(new PluginInfo("api-jetty", "0.1.0", PluginState.STARTED, "test", null));
  }

  @Override
  public Path dataDir() {
    return root.resolve("data");
  }

  @Override
  public Path configDir() {
    return root.resolve("config");
  }

  @Override
  public <T> List<T> extensions(Class<T> type) {
    return extensions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public AgentControl control() {
    AgentControl current = control;
    if (current == null) {
      throw new UnsupportedOperationException("no agent manager in this test");
    }
    return current;
  }

  @Override
  public void close() {
    store.close();
  }
}
