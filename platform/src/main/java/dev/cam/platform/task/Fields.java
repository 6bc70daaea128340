package dev.cam.platform.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.InvalidInputException;
import dev.cam.platform.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of one map in a task file, checked against the keys allowed there. */
final class Fields {
  private final String where;
  private final JsonNode node;

  Fields(String where, JsonNode node, List<String> allowed) {
    if (!node.isObject()) {
      throw new InvalidInputException(where + ": must be a map with " + String.join(", ", allowed));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        throw new InvalidInputException(
            where + ": unknown key '" + key + "'; allowed here: " + String.join(", ", allowed));
      }
    }
    this.where = where;
    this.node = node;
  }

  String text(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new InvalidInputException(where + ": " + key + " must be text");
    }
    return v.asText();
  }

  Integer integer(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw new InvalidInputException(where + ": " + key + " must be a whole number, 0 or more");
    }
    return v.asInt();
  }

  Duration duration(String key) {
    String text = text(key);
    if (text == null) {
      return null;
    }
    try {
      return Durations.parse(text.matches("\\d+") ? text + "s" : text);
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          where + ": " + key + " '" + text + "' is not a duration: use e.g. 90s, 30m or 2h", e);
    }
  }

  /** A list of strings; a single string counts as a list of one. */
  List<String> strings(String key) {
    JsonNode v = node.get(key);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw new InvalidInputException(where + ": " + key + " must be a list of names");
    }
    v.forEach(item -> out.add(item.asText()));
    return out;
  }

  Map<String, String> stringMap(String key) {
    JsonNode v = node.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new InvalidInputException(where + ": " + key + " must be a map of NAME: value");
    }
    v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
