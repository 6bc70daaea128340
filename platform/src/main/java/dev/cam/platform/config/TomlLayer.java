package dev.cam.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cam.api.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one TOML layer into settings, checking every key and value against the schema. */
final class TomlLayer {
  private final TomlMapper mapper;

  TomlLayer(TomlMapper mapper) {
    this.mapper = mapper;
  }

  Map<String, Setting> read(Path file) {
    return flatten(tree(file), file.toString());
  }

  Map<String, Setting> readResource(String resource, String source) {
    try (InputStream in = TomlLayer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the build");
      }
      return flatten(mapper.readTree(in), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's tree; a syntax error names the file and the line. */
  JsonNode tree(Path file) {
    try {
      return mapper.readTree(Files.readString(file));
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
