package dev.cam.plugin.cli;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes maps, lists, strings, numbers, booleans and nulls as compact JSON. */
public final class Json {
  private Json() {}

  /** An object whose keys keep the order given: {@code object("id", 1, "name", "x")}. */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      object.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return object;
  }

  public static String write(Object value) {
    StringBuilder json = new StringBuilder();
    append(json, value);
    return json.toString();
  }

  private static void append(StringBuilder json, Object value) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Boolean || value instanceof Number) {
      json.append(value);
    } else if (value instanceof Map<?, ?> map) {
      appendMap(json, map);
    } else if (value instanceof Iterable<?> items) {
      appendList(json, items.iterator());
    } else {
      appendString(json, value.toString());
    }
  }

  private static void appendMap(StringBuilder json, Map<?, ?> map) {
    json.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      json.append(first ? "" : ",");
      appendString(json, String.valueOf(entry.getKey()));
      json.append(':');
      append(json, entry.getValue());
      first = false;
    }
    json.append('}');
  }

  private static void appendList(StringBuilder json, Iterator<?> items) {
    json.append('[');
    while (items.hasNext()) {
      append(json, items.next());
      json.append(items.hasNext() ? "," : "");
    }
    json.append(']');
  }

  private static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
