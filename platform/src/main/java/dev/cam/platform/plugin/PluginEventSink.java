package dev.cam.platform.plugin;

import java.util.Map;

/** Where the host reports plugin life-cycle changes ({@code EventTypes.PLUGIN_*}). */
@FunctionalInterface
public interface PluginEventSink {
  /** Ignores every change. */
  PluginEventSink NONE = (type, detail) -> {};

  void publish(String type, Map<String, Object> detail);
}
