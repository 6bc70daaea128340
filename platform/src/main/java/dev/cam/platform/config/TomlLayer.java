package dev.cam.platform.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.cam.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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

  /** The file's tree; a syntax error names the file and the line. */
  JsonNode tree(Path file) {
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

  private JsonNode tree(String text) throws IOException {
    try (JsonParser parser = factory.createParser(text)) {
      return parser.nextToken() == null ? null : node(parser);
    }
  }

  /** The value at the parser's current token, with all it contains. */
  private static JsonNode node(JsonParser parser) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode table = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          table.set(name, node(parser));
        }
        return table;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(node(parser));
        }
        return array;
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(parser.getBooleanValue());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDoubleValue());
      }
      default -> {
        return nodes.textNode(parser.getText());
      }
    }
  }

  static Map<String, Setting> flatten(JsonNode root, String source) {
    Map<String, Setting> out = new LinkedHashMap<>();
    if (root != null && root.isObject()) {
      walk("", root, source, out);
    }
    return out;
  }

  private static void walk(String prefix, JsonNode table, String source, Map<String, Setting> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode node = field.getValue();
      if (node.isObject() && ConfigSchema.isTable(key)) {
        walk(key, node, source, out);
      } else if (ConfigSchema.isTable(key)) {
        throw new ConfigException(source, key, "must be a table, e.g. [" + key + "]");
      } else if (node.isObject() && ConfigSchema.leaf(key).isPresent()) {
        throw new ConfigException(
            source, key, "must be a value, not a table: " + ConfigSchema.leaf(key).get().allowed());
      } else {
        KeySpec spec = ConfigSchema.require(key, source);
        out.put(key, Setting.of(spec, key, raw(node, source, key), source));
      }
    }
  }

  private static Object raw(JsonNode node, String source, String key) {
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(item -> items.add(raw(item, source, key)));
      return items;
    }
    if (node.isObject()) {
      throw new ConfigException(source, key, "a table is not allowed inside a value");
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    return node.isNumber() ? node.doubleValue() : node.asText();
  }
}
