package dev.cam.api;

/** Input from a person or a client is not acceptable; the message says what is allowed. */
public class InvalidInputException extends CamException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
