/**
 * Sessions in tmux on this machine. CAM runs its own tmux server (socket {@code -L cam} by default)
 * so a person's own tmux sessions are never touched; see {@link dev.cam.plugin.tmux.TmuxTransport}.
 */
package dev.cam.plugin.tmux;
