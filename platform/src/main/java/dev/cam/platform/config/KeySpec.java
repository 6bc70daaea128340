package dev.cam.platform.config;

import dev.cam.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One known configuration key: its kind and what values it allows. Converts a raw value (a TOML
 * scalar or list, or the text of an environment variable or flag) to its typed form: {@link
 * String}, {@link Integer}, {@link Boolean}, {@link java.time.Duration}, {@link Double} or {@code
 * List<String>}.
 */
record KeySpec(String name, Kind kind, List<String> choices, long min, long max) {
  /** The kinds of values. */
  enum Kind {
    STRING,
    SECRET,
    INT,
    BOOL,
    DURATION,
    DOUBLE,
    LIST,
    CHOICE
  }

  KeySpec {
    choices = List.copyOf(choices);
  }

  static KeySpec of(String name, Kind kind) {
    return new KeySpec(name, kind, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static KeySpec range(String name, long min, long max) {
    return new KeySpec(name, Kind.INT, List.of(), min, max);
  }

  static KeySpec choice(String name, String... choices) {
    return new KeySpec(name, Kind.CHOICE, List.of(choices), 0, 0);
  }

  boolean secret() {
    return kind == Kind.SECRET;
  }

  /**
   * The typed value.
   *
   * @throws InvalidInputException saying what is allowed
   */
  Object convert(Object raw) {
    if (raw instanceof List<?> list) {
      if (kind != Kind.LIST) {
        throw new InvalidInputException("a list is not allowed here: " + allowed());
      }
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(String.valueOf(item)));
      return List.copyOf(items);
    }
    String text = String.valueOf(raw).trim();
    return switch (kind) {
      case STRING, SECRET -> String.valueOf(raw);
      case INT -> toInt(text);
      case BOOL -> toBool(text);
      case DURATION -> Durations.parse(text);
      case DOUBLE -> toDouble(text);
      case LIST -> text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
      case CHOICE -> toChoice(text);
    };
  }

  /** What the key allows, in words. */
  String allowed() {
    return switch (kind) {
      case STRING, SECRET -> "use a string";
      case INT ->
          "use a whole number" + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max);
      case BOOL -> "use true or false";
      case DURATION -> "use " + Durations.ALLOWED;
      case DOUBLE -> "use a number" + (min == Long.MIN_VALUE ? "" : " of at least " + min);
      case LIST -> "use a list of strings, e.g. [\"a\", \"b\"] (or a,b in the environment)";
      case CHOICE -> "use one of " + String.join(", ", choices);
    };
  }

  private Integer toInt(String text) {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max && value == (int) value) {
        return (int) value;
      }
    } catch (NumberFormatException e) {
      // reported below with what is allowed
    }
    throw invalid(text);
  }

  private Boolean toBool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw invalid(text);
    };
  }

  private Double toDouble(String text) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value) && (min == Long.MIN_VALUE || value >= min)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with what is allowed
    }
    throw invalid(text);
  }

  private String toChoice(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      throw invalid(text);
    }
    return lower;
  }

  private InvalidInputException invalid(String text) {
    return new InvalidInputException("'" + text + "' is not allowed: " + allowed());
  }
}
