package dev.cam.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Extension point: a long-running service started by {@code cam serve} (the REST/WebSocket server,
 * the relay link).
 *
 * <p>Lifecycle: {@link #start()} is called once after all plugins are loaded and must return once
 * the service is up (or throw); {@link #stop()} is called once at shutdown or when the plugin is
 * unloaded and must release every thread and port.
 *
 * <p>Front-ends may work together through the optional hooks: one that serves CAM's HTTP API tells
 * where ({@link #localUri()}), so another can forward to it (the relay link); one that has a state
 * worth watching reports it ({@link #health()}) and the API shows it in {@code /api/system/health}.
 * The hooks may be called from any thread while the front-end runs.
 */
public interface Frontend {
  String id();

  void start();

  void stop();

  /**
   * One line for {@code cam serve status}, e.g. the URL it listens on; blank when there is nothing
   * worth saying (a front-end that is not configured and does nothing), and {@code cam serve} then
   * prints no line for it.
   */
  default String describe() {
    return id();
  }

  /**
   * Where this front-end serves CAM's HTTP API and web app on this machine, e.g. {@code
   * http://127.0.0.1:8420/} (scheme, loopback host, port; no path), for front-ends that forward to
   * it. Empty when it serves no HTTP API or is not running.
   */
  default Optional<URI> localUri() {
    return Optional.empty();
  }

  /**
   * The state this front-end reports in {@code /api/system/health} under its {@link #id()}, as
   * JSON-like values (strings, numbers, booleans, lists, maps), e.g. {@code {"state": "connected",
   * "url": "..."}}. Empty when it has nothing to report. Must return quickly and never throw.
   */
  default Map<String, Object> health() {
    return Map.of();
  }
}
