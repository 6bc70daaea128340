package dev.cam.api;

/** Where a plugin is in its life, as shown by {@code cam plugins}. */
public enum PluginState {
  /** Found and resolved, not started. */
  RESOLVED,
  STARTED,
  STOPPED,
  /** Loading or starting threw; see the reason. */
  FAILED,
  /** Turned off by the user. */
  DISABLED
}
