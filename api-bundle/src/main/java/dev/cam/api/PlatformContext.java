package dev.cam.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What the kernel offers a plugin. Every extension class receives it through its constructor (a
 * constructor taking one {@code PlatformContext}); there are no statics to reach for.
 *
 * <p>Threading: every service is safe to use from any thread. Lifecycle: valid from the extension's
 * construction until its plugin is stopped.
 */
public interface PlatformContext {
  /** CAM's version, e.g. {@code "0.1.0"}. */
  String version();

  Config config();

  EventBus events();

  Agents agents();

  Contexts contexts();

  AgentLogs logs();

  Plugins plugins();

  /** Data directory ({@code ~/.local/share/cam}, or {@code CAM_DATA_DIR}). */
  Path dataDir();

  /** Config directory ({@code ~/.config/cam}, or {@code CAM_CONFIG_DIR}). */
  Path configDir();

  /**
   * Writes {@code key = value} into the user's config file ({@code ~/.config/cam/config.toml}, or
   * the file given with {@code --config}), keeping its other keys and comments; {@link #config()}
   * sees the new value afterwards.
   *
   * @return the file written
   * @throws ConfigException when the key or value is not valid
   */
  default Path setUserConfig(String key, String value) {
    throw new UnsupportedOperationException("this platform cannot write its config");
  }

  /**
   * Removes the key from the user's config file, so a lower layer (the default) applies again.
   *
   * @return the file written
   */
  default Path resetUserConfig(String key) {
    throw new UnsupportedOperationException("this platform cannot write its config");
  }

  /**
   * Extensions of the given type from every started plugin, loading plugins first if needed.
   * Failing plugins are left out (and reported by {@link Plugins#list()}).
   */
  <T> List<T> extensions(Class<T> type);

  /**
   * Starts and drives agents. Processes that only read the store (the CLI's {@code list}) may not
   * offer it.
   *
   * @throws UnsupportedOperationException when this process cannot run agents
   */
  default AgentControl control() {
    throw new UnsupportedOperationException("this CAM process cannot run agents");
  }

  /**
   * Task graphs: parse, plan, run and show them.
   *
   * @throws UnsupportedOperationException when this process cannot run task graphs
   */
  default TaskRunner tasks() {
    throw new UnsupportedOperationException("this CAM process cannot run task graphs");
  }
}
