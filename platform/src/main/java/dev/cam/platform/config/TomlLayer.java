package dev.cam.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.cam.api.ConfigException;
import dev.cam.platform.json.UntypedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one TOML layer into settings, checking every key and value against the schema. It reads
 * with Jackson's TOML parser alone: an {@code ObjectMapper} costs a cold command more start-up time
 * (its date and locale set-up) than parsing the file itself.
 */
final class TomlLayer {
  private final TomlFactory factory;

  TomlLayer(TomlFactory factory) {
    this.factory = factory;
  }

  Map<String, Setting> read(Path file) {
    return flatten(tree(file), file.toString());
  }

  /**
   * The file's tables as maps (integers as {@code Long}), or null for an empty file; a syntax error
   * names the file and the line.
   */
  Object tree(Path file) {
    try {
      return tree(Files.readString(file));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          file.toString(),
          "line " + line,
          "not valid TOML (" + e.getOriginalMessage() + "): fix the syntax, see https://toml.io");
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          "file",
          "cannot be read (" + e + "): check that it exists and is readable");
    }
  }

  private Object tree(String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      return parser.nextToken() == null ? null : UntypedJson.value(parser, true);
    }
  }

  static Map<String, Setting> flatten(Object root, String source) {
    Map<String, Setting> out = new LinkedHashMap<>();
    if (root instanceof Map<?, ?> table) {
      walk("", table, source, out);
    }
    return out;
  }

  private static void walk(
      String prefix, Map<?, ?> table, String source, Map<String, Setting> out) {
    for (Map.Entry<?, ?> field : table.entrySet()) {
      String key = prefix.isEmpty() ? (String) field.getKey() : prefix + "." + field.getKey();
      Object value = field.getValue();
      if (value instanceof Map<?, ?> inner && ConfigSchema.isTable(key)) {
        walk(key, inner, source, out);
      } else if (ConfigSchema.isTable(key)) {
        throw new ConfigException(source, key, "must be a table, e.g. [" + key + "]");
      } else if (value instanceof Map && ConfigSchema.leaf(key).isPresent()) {
        throw new ConfigException(
            source, key, "must be a value, not a table: " + ConfigSchema.leaf(key).get().allowed());
      } else {
        KeySpec spec = ConfigSchema.require(key, source);
        out.put(key, Setting.of(spec, key, raw(value, source, key), source));
      }
    }
  }

  /** The value as settings take it: booleans, longs, doubles, strings and lists of them. */
  private static Object raw(Object value, String source, String key) {
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(raw(item, source, key)));
      return items;
    }
    if (value instanceof Map) {
      throw new ConfigException(source, key, "a table is not allowed inside a value");
    }
    return value;
  }
}
