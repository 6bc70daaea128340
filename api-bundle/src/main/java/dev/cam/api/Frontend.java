package dev.cam.api;

/**
 * Extension point: a long-running service started by {@code cam serve} (the REST/WebSocket server,
 * the relay link).
 *
 * <p>Lifecycle: {@link #start()} is called once after all plugins are loaded and must return once
 * the service is up (or throw); {@link #stop()} is called once at shutdown or when the plugin is
 * unloaded and must release every thread and port.
 */
public interface Frontend {
  String id();

  void start();

  void stop();

  /** One line for {@code cam serve status}, e.g. the URL it listens on. */
  default String describe() {
    return id();
  }
}
