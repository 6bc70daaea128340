package dev.cam.api;

/**
 * A plugin as seen by the host.
 *
 * @param id plugin id
 * @param version plugin version
 * @param state life-cycle state
 * @param source where it was loaded from (a jar, a zip or a directory)
 * @param reason why it failed or is disabled, or {@code null}
 */
public record PluginInfo(
    String id, String version, PluginState state, String source, String reason) {}
