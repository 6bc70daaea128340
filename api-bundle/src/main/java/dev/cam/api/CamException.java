package dev.cam.api;

/**
 * Root of every error CAM reports to a person. The message says what happened and what to do about
 * it; front-ends show it as is (the CLI as one line, REST as a problem detail).
 *
 * <p>Subclasses carry data so front-ends can map them: {@link NotFoundException} (exit code 3, HTTP
 * 404), {@link AmbiguousIdException}, {@link ConfigException}, {@link InvalidInputException} (exit
 * 2, HTTP 400).
 */
public class CamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CamException(String message) {
    super(message);
  }

  public CamException(String message, Throwable cause) {
    super(message, cause);
  }
}
