package dev.cam.plugin.tmux;

/**
 * Every transport test again with the sessions watched: capture, keys, typed text and liveness then
 * go over the control client, so its quoting must keep any text intact as well.
 */
class TmuxTransportWatchedIT extends TmuxTransportIT {
  @Override
  boolean watched() {
    return true;
  }
}
