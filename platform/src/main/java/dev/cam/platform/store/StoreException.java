package dev.cam.platform.store;

import dev.cam.api.CamException;

/** The store could not be read or written; the message names the database file and what to do. */
public class StoreException extends CamException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
