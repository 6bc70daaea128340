package dev.cam.plugin.api.route;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskRunner.ApplyOptions;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code POST /api/tasks/apply} was asked: either the task file itself as the body (its format
 * from {@code ?format=} or the content type, the rest from query parameters), or a JSON object
 * carrying the file as {@code text} with the same options as members. A JSON task file never has a
 * {@code text} member, so the two cannot be confused.
 *
 * @param text the task file
 * @param format {@code yaml}, {@code toml} or {@code json}
 * @param name a name for people, or null
 * @param context context for tasks that name none, or null
 * @param dir absolute directory on the server for tasks without any context, or null
 * @param parallel how many tasks may run at once
 * @param dryRun only plan
 */
record TaskUpload(
    String text,
    String format,
    String name,
    String context,
    String dir,
    int parallel,
    boolean dryRun) {
  static final int MAX_PARALLEL = 64;
  private static final int DEFAULT_PARALLEL = 4;
  private static final List<String> FORMATS = List.of("yaml", "toml", "json");

  static TaskUpload read(Exchange ex, Json json) {
    byte[] body = ex.bytes();
    String given = Params.text(ex, "format");
    String format = given != null ? checked(given) : fromContentType(ex.header("Content-Type"));
    if (given == null && format.equals("json")) {
      JsonNode tree = json.read(body, JsonNode.class);
      if (tree.isObject() && tree.has("text")) {
        return json.read(body, Envelope.class).upload();
      }
    }
    return new TaskUpload(
        new String(body, StandardCharsets.UTF_8),
        format,
        Params.text(ex, "name"),
        Params.text(ex, "context"),
        Params.text(ex, "dir"),
        Params.integer(ex, "parallel", DEFAULT_PARALLEL, 1, MAX_PARALLEL),
        Params.flag(ex, "dry_run"));
  }

  /**
   * Where the graph runs: {@code context} for tasks that name no context, else the file's default
   * context; {@code dir} for tasks without any context.
   */
  ApplyOptions options(TaskGraph graph, Path dataDir) {
    String ctx = context != null ? context : graph.context();
    Path where = directory(dir);
    if (where == null && ctx == null) {
      List<String> placeless =
          graph.tasks().stream()
              .filter(t -> t.context() == null)
              .map(TaskDefinition::name)
              .toList();
      if (!placeless.isEmpty()) {
        throw new InvalidInputException(
            "tasks "
                + placeless
                + " name no context: give a context or dir (an absolute directory on the server),"
                + " or set defaults.context in the file");
      }
      // every task names its context, so this directory is never used
      where = dataDir;
    }
    return new ApplyOptions(ctx, where, parallel);
  }

  private static String checked(String format) {
    String lower = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(lower)) {
      throw new InvalidInputException(
          "format '" + format + "' is not valid: use yaml, toml or json");
    }
    return lower;
  }

  private static String fromContentType(String type) {
    String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
    for (String f : FORMATS) {
      if (lower.contains(f)) {
        return f;
      }
    }
    throw new ProblemException(
        new Problem(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            "send the task file as application/yaml, application/toml or application/json"
                + " (or add ?format=yaml|toml|json)"));
  }

  private static Path directory(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Path path = Path.of(text);
    if (!path.isAbsolute() || !Files.isDirectory(path)) {
      throw new InvalidInputException(
          "dir '" + text + "' is not an existing absolute directory on the server: give one");
    }
    return path.normalize();
  }

  /**
   * The JSON form: {@code {"text": "<the task file>", "format": "yaml", ...}}.
   *
   * @param text the task file (required)
   * @param format its format, {@code yaml} when absent
   * @param name a name for people
   * @param context context for tasks that name none
   * @param dir absolute directory on the server for tasks without any context
   * @param parallel how many tasks at once, 1 to 64 (4)
   * @param dryRun only plan
   */
  record Envelope(
      String text,
      String format,
      String name,
      String context,
      String dir,
      Integer parallel,
      Boolean dryRun) {
    TaskUpload upload() {
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("'text' must hold the task file");
      }
      int width = parallel == null ? DEFAULT_PARALLEL : parallel;
      if (width < 1 || width > MAX_PARALLEL) {
        throw new InvalidInputException(
            "'parallel' " + width + " is not valid: use 1 to " + MAX_PARALLEL);
      }
      return new TaskUpload(
          text,
          format == null ? "yaml" : checked(format),
          blankToNull(name),
          blankToNull(context),
          blankToNull(dir),
          width,
          Boolean.TRUE.equals(dryRun));
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }
  }
}
