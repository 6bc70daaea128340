package dev.cam.api;

/** The event types the kernel publishes. Plugins may publish their own, prefixed by their id. */
public final class EventTypes {
  public static final String AGENT_CREATED = "agent_created";
  public static final String STATUS_CHANGE = "status_change";
  public static final String STATE_CHANGE = "state_change";
  public static final String AUTO_CONFIRM = "auto_confirm";
  public static final String PROBE = "probe";
  public static final String INPUT = "input";
  public static final String OUTPUT = "output";
  public static final String FINALIZE = "finalize";
  public static final String ERROR = "error";
  public static final String PLUGIN_LOADED = "plugin_loaded";
  public static final String PLUGIN_STARTED = "plugin_started";
  public static final String PLUGIN_STOPPED = "plugin_stopped";
  public static final String PLUGIN_UNLOADED = "plugin_unloaded";
  public static final String PLUGIN_FAILED = "plugin_failed";

  private EventTypes() {}
}
