package dev.cam.plugin.api.route;

import dev.cam.api.InvalidInputException;
import dev.cam.plugin.api.http.Exchange;

/** Query parameters with their rules; a broken one is a 400 saying what is allowed. */
final class Params {
  private Params() {}

  static int integer(Exchange ex, String name, int fallback, int min, int max) {
    String text = ex.query(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= min && value <= max) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw new InvalidInputException(
        "query parameter "
            + name
            + "='"
            + text
            + "' is not valid: use a whole number from "
            + min
            + " to "
            + max);
  }

  static long seq(Exchange ex, String name) {
    String text = ex.query(name);
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(
        "query parameter "
            + name
            + "='"
            + text
            + "' is not valid: use an event sequence number"
            + " (0 or more)");
  }

  static String text(Exchange ex, String name) {
    String text = ex.query(name);
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** {@code true}, {@code false} or absent (false). */
  static boolean flag(Exchange ex, String name) {
    String text = text(ex, name);
    if (text == null || text.equals("false")) {
      return false;
    }
    if (text.equals("true")) {
      return true;
    }
    throw new InvalidInputException(
        "query parameter " + name + "='" + text + "' is not valid: use true or false");
  }
}
