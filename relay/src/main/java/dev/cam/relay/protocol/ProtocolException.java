package dev.cam.relay.protocol;

import dev.cam.relay.RelayException;

/** A peer broke the relay link protocol: a malformed frame, an unknown type, too much data. */
public class ProtocolException extends RelayException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with what was wrong. */
  public ProtocolException(String message) {
    super(message);
  }
}
