package dev.cam.api;

import java.util.List;

/** The plugin host as plugins see it. Threading: safe from any thread. */
public interface Plugins {
  /** Every plugin found, loading all of them first if that has not happened yet. */
  List<PluginInfo> list();
}
