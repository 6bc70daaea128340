package dev.cam.api;

import java.time.Duration;

/**
 * Result of testing a machine through a transport ({@code cam context test}).
 *
 * @param reachable whether a command could be run there
 * @param latency round-trip time of one trivial command, or {@code null}
 * @param tmuxVersion version of tmux there, or {@code null}
 * @param message what was found or what to fix
 */
public record ConnectionReport(
    boolean reachable, Duration latency, String tmuxVersion, String message) {}
