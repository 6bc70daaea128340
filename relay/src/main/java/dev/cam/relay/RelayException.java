package dev.cam.relay;

/** Root of the relay module's exceptions; the message says what happened and what to do. */
public class RelayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message a person can act on. */
  public RelayException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public RelayException(String message, Throwable cause) {
    super(message, cause);
  }
}
