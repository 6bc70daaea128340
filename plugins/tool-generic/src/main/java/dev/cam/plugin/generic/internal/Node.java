package dev.cam.plugin.generic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.ConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A TOML value with its dotted key, so every error names the file and the key. */
public final class Node {
  private final JsonNode value;
  private final String source;
  private final String key;

  public Node(JsonNode value, String source, String key) {
    this.value = value;
    this.source = source;
    this.key = key;
  }

  public boolean has(String name) {
    return value.has(name);
  }

  public Node get(String name) {
    String child = key.isEmpty() ? name : key + "." + name;
    return new Node(value.path(name), source, child);
  }

  public boolean missing() {
    return value.isMissingNode() || value.isNull();
  }

  public boolean isText() {
    return value.isTextual();
  }

  public ConfigException error(String problem) {
    return new ConfigException(source, key.isEmpty() ? "(file)" : key, problem);
  }

  /** Fails on keys outside {@code allowed}, naming them and the allowed ones. */
  public Node table(Set<String> allowed) {
    if (!value.isObject()) {
      throw error("must be a table");
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw get(name)
            .error(
                "unknown key; allowed here: "
                    + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return this;
  }

  public String text(String fallback) {
    if (missing()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw error("must be a string");
    }
    return value.asText();
  }

  public String requiredText() {
    String text = text(null);
    if (text == null || text.isBlank()) {
      throw error("is required");
    }
    return text;
  }

  public int integer(int fallback, int min) {
    if (missing()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > Integer.MAX_VALUE) {
      throw error("must be a whole number of at least " + min);
    }
    return value.asInt();
  }

  public boolean bool(boolean fallback) {
    if (missing()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw error("must be true or false");
    }
    return value.asBoolean();
  }

  public List<Node> items() {
    if (missing()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw error("must be an array");
    }
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      items.add(new Node(value.get(i), source, key + "[" + i + "]"));
    }
    return items;
  }

  /** A string or an array of strings; absent gives {@code fallback}. */
  public List<String> texts(List<String> fallback) {
    if (missing()) {
      return fallback;
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    return items().stream().map(n -> n.text(null)).map(t -> t == null ? "" : t).toList();
  }

  public Map<String, String> stringMap() {
    Map<String, String> map = new LinkedHashMap<>();
    if (missing()) {
      return map;
    }
    table(Set.copyOf(iterable(value.fieldNames())));
    for (String name : iterable(value.fieldNames())) {
      map.put(name, get(name).requiredText());
    }
    return map;
  }

  public Pattern pattern() {
    String regex = requiredText();
    try {
      return Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw error(
          "is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  public Pattern pattern(Pattern fallback) {
    return missing() ? fallback : pattern();
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
