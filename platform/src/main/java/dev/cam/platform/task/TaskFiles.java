package dev.cam.platform.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads task files (YAML, TOML or JSON) into {@link TaskGraph}s:
 *
 * <pre>
 * version: 1
 * defaults: {tool: claude, timeout: 30m, retry: 1, context: web}
 * tasks:
 *   - name: api
 *     prompt: add the endpoint
 *     depends_on: [schema]
 * </pre>
 *
 * Every error names where in the file it is and what is allowed.
 */
final class TaskFiles {
  private static final List<String> TOP = List.of("version", "defaults", "tasks");
  private static final List<String> DEFAULTS = List.of("tool", "timeout", "retry", "context");

  private TaskFiles() {}

  static TaskGraph parse(String text, String format, String name) {
    JsonNode root = tree(text, format);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(
          name + ": a task file is a map with 'tasks' (and 'version', 'defaults')");
    }
    Fields top = new Fields(name, root, TOP);
    Integer version = top.integer("version");
    if (version != null && version != 1) {
      throw new InvalidInputException(
          name + ": version " + version + " is not supported: use version: 1");
    }
    JsonNode defaults = root.path("defaults");
    Fields d =
        defaults.isMissingNode() ? null : new Fields(name + ": defaults", defaults, DEFAULTS);
    JsonNode tasks = root.path("tasks");
    if (!tasks.isArray() || tasks.isEmpty()) {
      throw new InvalidInputException(name + ": 'tasks' must be a list with at least one task");
    }
    List<TaskDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      definitions.add(TaskFields.read(name + ": tasks[" + i + "]", tasks.get(i)));
    }
    TaskGraph graph =
        new TaskGraph(
            name,
            d == null ? null : d.text("tool"),
            d == null ? null : d.text("context"),
            d == null ? null : d.duration("timeout"),
            d == null ? null : d.integer("retry"),
            definitions);
    GraphCheck.validate(graph);
    return graph;
  }

  private static JsonNode tree(String text, String format) {
    String f = format == null ? "yaml" : format.toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        switch (f) {
          case "yaml", "yml" -> new YAMLMapper();
          case "toml" -> new TomlMapper();
          case "json" -> new ObjectMapper();
          default ->
              throw new InvalidInputException(
                  "task file format '" + format + "' is not known: use yaml, toml or json");
        };
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the task file is not valid "
              + f.toUpperCase(Locale.ROOT)
              + ": "
              + e.getOriginalMessage()
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"),
          e);
    }
  }

  /** The format for a file name: {@code .toml}, {@code .json}, else YAML. */
  static String formatOf(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".toml") ? "toml" : lower.endsWith(".json") ? "json" : "yaml";
  }
}
