package dev.cam.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cam.api.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Changes one key of a config file, as {@code cam config set|reset} do. Keys and values are checked
 * as loading checks them; the other keys are kept (comments are not: the file is rewritten). The
 * file is replaced atomically and readable by its owner only (0600).
 *
 * <p>Threading: two editors writing the same file at once may lose one change; the CLI edits from
 * one process at a time.
 */
public final class ConfigFileEditor {
  private final TomlMapper mapper = new TomlMapper();
  private final TomlLayer toml = new TomlLayer(mapper.tokenStreamFactory());

  /**
   * Sets {@code key} to {@code value} in {@code file}, creating the file when missing.
   *
   * @throws ConfigException for an unknown key or a value the key does not allow
   */
  public void set(Path file, String key, String value) {
    KeySpec spec = ConfigSchema.require(key, file.toString());
    Setting setting = Setting.of(spec, key, value, file.toString());
    ObjectNode root = read(file);
    String[] parts = key.split("\\.");
    ObjectNode table = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = table.get(parts[i]);
      table = child instanceof ObjectNode o ? o : table.putObject(parts[i]);
    }
    table.set(parts[parts.length - 1], node(setting.value()));
    write(file, root);
  }

  /**
   * Removes {@code key} from {@code file} so lower layers decide its value again.
   *
   * @return whether the file had the key
   * @throws ConfigException for an unknown key
   */
  public boolean reset(Path file, String key) {
    ConfigSchema.require(key, file.toString());
    if (!Files.exists(file)) {
      return false;
    }
    ObjectNode root = read(file);
    boolean removed = remove(root, key.split("\\."), 0);
    if (removed) {
      write(file, root);
    }
    return removed;
  }

  private static boolean remove(ObjectNode table, String[] parts, int index) {
    if (index == parts.length - 1) {
      return table.remove(parts[index]) != null;
    }
    if (!(table.get(parts[index]) instanceof ObjectNode child)) {
      return false;
    }
    boolean removed = remove(child, parts, index + 1);
    if (child.isEmpty()) {
      table.remove(parts[index]);
    }
    return removed;
  }

  private ObjectNode read(Path file) {
    if (!Files.exists(file)) {
      return JsonNodeFactory.instance.objectNode();
    }
    Object tree = toml.tree(file);
    TomlLayer.flatten(tree, file.toString());
    return tree instanceof Map ? mapper.valueToTree(tree) : JsonNodeFactory.instance.objectNode();
  }

  private static JsonNode node(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Integer i) {
      return f.numberNode(i);
    }
    if (value instanceof Double d) {
      return f.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (value instanceof Duration d) {
      return f.textNode(Durations.format(d));
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(item -> array.add(String.valueOf(item)));
      return array;
    }
    return f.textNode(String.valueOf(value));
  }

  private void write(Path file, ObjectNode root) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = createPrivateTemp(dir);
      try {
        Files.writeString(temp, render(root), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          "file",
          "cannot be written (" + e + "): check the directory permissions");
    }
  }

  private static Path createPrivateTemp(Path dir) throws IOException {
    try {
      return Files.createTempFile(
          dir,
          ".config",
          ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      return Files.createTempFile(dir, ".config", ".tmp");
    }
  }

  /** One {@code [section]} (or {@code [tools.<id>]}) block per table, in the file's order. */
  private String render(ObjectNode root) throws JsonProcessingException {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonNode> section : root.properties()) {
      if (section.getKey().equals(ConfigSchema.TOOLS)) {
        for (Map.Entry<String, JsonNode> tool : section.getValue().properties()) {
          block(out, ConfigSchema.TOOLS + "." + tool.getKey(), tool.getValue());
        }
      } else {
        block(out, section.getKey(), section.getValue());
      }
    }
    return out.toString();
  }

  private void block(StringBuilder out, String header, JsonNode table)
      throws JsonProcessingException {
    if (!table.isEmpty()) {
      out.append(out.length() == 0 ? "" : "\n").append('[').append(header).append("]\n");
      out.append(mapper.writeValueAsString(table));
    }
  }
}
