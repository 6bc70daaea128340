package dev.cam.api;

/**
 * A transport operation failed: the session is gone, the machine is unreachable, tmux is missing.
 */
public class TransportException extends CamException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
