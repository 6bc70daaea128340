package dev.cam.plugin.tmux.internal;

/**
 * Features that depend on the tmux version.
 *
 * @param envFlag {@code new-session -e} (tmux 3.2); the client's {@code -N}, which keeps a command
 *     from starting a server, came in the same release
 * @param remainOnExitFormat the {@code remain-on-exit-format} option (tmux 3.3); set empty, a dead
 *     pane keeps its screen as the program left it instead of scrolling up to show a message
 */
public record TmuxFeatures(boolean envFlag, boolean remainOnExitFormat) {}
