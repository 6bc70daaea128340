package dev.cam.relay.link;

/** Where a {@link ServerLink} stands. */
public enum LinkState {
  /** Not started, or closed. */
  STOPPED,
  /** Connecting and registering for the first time. */
  CONNECTING,
  /** Registered: clients can reach the server through the relay. */
  CONNECTED,
  /** Lost or refused; waiting out the backoff before the next attempt. */
  RECONNECTING
}
