package dev.cam.plugin.generic;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cam.api.ConfigException;
import dev.cam.plugin.generic.internal.Node;
import dev.cam.plugin.generic.internal.RuleMerger;
import dev.cam.plugin.generic.internal.RuleReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads rules files (format: docs/tool-rules.md): a tool's built-in resource, a user's file laid
 * over it, or a user's file alone for a tool with no Java. Every problem is a {@link
 * ConfigException} naming the file and the key. Thread-safe.
 */
public final class RulesLoader {
  private final TomlMapper toml = new TomlMapper();
  private final RuleMerger merger = new RuleMerger();

  /**
   * The rules of tool {@code id}: {@code builtIn} (may be null for a tool described only by a user
   * file) with {@code userFile} laid over it when that file exists.
   */
  public ToolRules load(String id, URL builtIn, Path userFile) {
    boolean hasUser = userFile != null && Files.isRegularFile(userFile);
    if (builtIn == null && !hasUser) {
      throw new ConfigException(
          String.valueOf(userFile), "(file)", "no rules for tool '" + id + "'");
    }
    if (builtIn == null) {
      return read(tree(text(userFile), userFile.toString()), userFile.toString(), id, false);
    }
    String baseSource = builtIn.toString();
    ObjectNode base = tree(text(builtIn), baseSource);
    if (!hasUser) {
      return read(base, baseSource, id, false);
    }
    ObjectNode user = tree(text(userFile), userFile.toString());
    read(user, userFile.toString(), id, true);
    return read(merger.merge(base, user), userFile + " (over the built-in rules)", id, false);
  }

  /** Rules from one complete file's text; {@code source} names it in errors. */
  public ToolRules parse(String id, String text, String source) {
    return read(tree(text, source), source, id, false);
  }

  private static ToolRules read(ObjectNode tree, String source, String id, boolean partial) {
    return new RuleReader(partial).read(new Node(tree, source, ""), id);
  }

  private ObjectNode tree(String text, String source) {
    try {
      JsonNode node = toml.readTree(text);
      if (!(node instanceof ObjectNode object)) {
        throw new ConfigException(source, "(file)", "is not a TOML table");
      }
      return object;
    } catch (JacksonException e) {
      throw new ConfigException(source, "(file)", "is not valid TOML: " + e.getOriginalMessage());
    }
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }

  private static String text(URL resource) {
    try (InputStream in = resource.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(resource.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }
}
