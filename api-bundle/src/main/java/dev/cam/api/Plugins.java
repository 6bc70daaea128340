package dev.cam.api;

import java.util.List;

/** The plugin host as plugins see it. Threading: safe from any thread. */
public interface Plugins {
  /** Every plugin found, loading all of them first if that has not happened yet. */
  List<PluginInfo> list();

  /**
   * Hot plug: from now on, a plugin dropped into the user's plugins directory is loaded and
   * started, and a removed one is stopped and unloaded ({@code EventTypes.PLUGIN_*} events tell).
   * Closing the subscription stops watching.
   *
   * @throws UnsupportedOperationException when this host cannot watch
   */
  default Subscription watch() {
    throw new UnsupportedOperationException("this plugin host cannot watch for plugin changes");
  }
}
