package dev.cam.plugin.api.route;

import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskRunner.ApplyOptions;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How {@code POST /api/tasks/apply} reads its request: the body is the task file as is, its format
 * from {@code ?format=} or the content type; where tasks run from {@code ?context=} and {@code
 * ?dir=}.
 */
final class TaskUpload {
  private static final List<String> FORMATS = List.of("yaml", "toml", "json");

  private TaskUpload() {}

  /** {@code yaml}, {@code toml} or {@code json}; a 415 problem when neither says which. */
  static String format(Exchange ex) {
    String given = Params.text(ex, "format");
    if (given != null) {
      String lower = given.toLowerCase(Locale.ROOT);
      if (!FORMATS.contains(lower)) {
        throw new InvalidInputException(
            "format='" + given + "' is not valid: use yaml, toml or json");
      }
      return lower;
    }
    String type = ex.header("Content-Type");
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (lower.contains("yaml")) {
      return "yaml";
    }
    if (lower.contains("toml")) {
      return "toml";
    }
    if (lower.contains("json")) {
      return "json";
    }
    throw new ProblemException(
        new Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "send the task file as application/yaml, application/toml or application/json"
                + " (or add ?format=yaml|toml|json)"));
  }

  /**
   * Where the graph runs: {@code ?context=} for tasks that name no context, else the file's default
   * context; {@code ?dir=} (an absolute directory on the server) for tasks without any context.
   */
  static ApplyOptions options(Exchange ex, TaskGraph graph, int parallel, Path dataDir) {
    String context = Params.text(ex, "context");
    Path dir = dir(Params.text(ex, "dir"));
    if (context == null) {
      context = graph.context();
    }
    if (dir == null && context == null) {
      List<String> placeless =
          graph.tasks().stream()
              .filter(t -> t.context() == null)
              .map(TaskDefinition::name)
              .toList();
      if (!placeless.isEmpty()) {
        throw new InvalidInputException(
            "tasks "
                + placeless
                + " name no context: add ?context=NAME or ?dir=/absolute/path, or set"
                + " defaults.context in the file");
      }
      // every task names its context, so this directory is never used
      dir = dataDir;
    }
    return new ApplyOptions(context, dir, parallel);
  }

  private static Path dir(String text) {
    if (text == null) {
      return null;
    }
    Path path = Path.of(text);
    if (!path.isAbsolute() || !Files.isDirectory(path)) {
      throw new InvalidInputException(
          "dir='" + text + "' is not an existing absolute directory on the server: give one");
    }
    return path.normalize();
  }
}
