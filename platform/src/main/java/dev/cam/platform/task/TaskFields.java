package dev.cam.platform.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import java.util.List;

/** One entry of a task file's {@code tasks} list. */
final class TaskFields {
  private static final List<String> KEYS =
      List.of("name", "tool", "prompt", "context", "depends_on", "timeout", "retry", "env");

  private TaskFields() {}

  static TaskDefinition read(String where, JsonNode node) {
    Fields f = new Fields(where, node, KEYS);
    String name = f.text("name");
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(where + ": every task needs a name");
    }
    String prompt = f.text("prompt");
    if (prompt == null || prompt.isBlank()) {
      throw new InvalidInputException(where + ": task '" + name + "' needs a prompt");
    }
    return new TaskDefinition(
        name,
        f.text("tool"),
        prompt,
        f.text("context"),
        f.strings("depends_on"),
        f.duration("timeout"),
        f.integer("retry"),
        f.stringMap("env"));
  }
}
