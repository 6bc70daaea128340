package dev.cam.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Task graphs: read, plan and run them ({@code cam apply}, {@code POST /api/tasks/apply}), and show
 * their state ({@code cam tasks}, {@code GET /api/tasks/{id}}).
 *
 * <p>A graph runs in the process that applied it: independent tasks start in parallel, up to a
 * limit, each as an agent; a task starts once all its dependencies completed; a task whose
 * dependency failed or was skipped is skipped with the reason. Every change is stored, so any CAM
 * process can show the state. Threading: safe from any thread.
 */
public interface TaskRunner {
  /**
   * Reads and validates a graph.
   *
   * @param text the file's content
   * @param format {@code "yaml"}, {@code "toml"} or {@code "json"}
   * @param name a name for people, e.g. the file name
   * @throws InvalidInputException for bad syntax, duplicate names, unknown dependencies or a cycle
   *     (the message shows its path, {@code a -> b -> a})
   */
  TaskGraph parse(String text, String format, String name);

  /** The tasks' names by level: level 0 depends on nothing, level n on levels below n. */
  List<List<String>> levels(TaskGraph graph);

  /**
   * Stores the graph and starts running it; returns at once.
   *
   * @param options where and how wide to run
   */
  TaskGraphRun apply(TaskGraph graph, ApplyOptions options);

  /**
   * A graph by id or unique id prefix.
   *
   * @throws NotFoundException when none matches
   * @throws AmbiguousIdException when several match
   */
  TaskGraphRun get(String idOrPrefix);

  /** Graphs, newest first, at most {@code limit} (0 for all). */
  List<TaskGraphRun> list(int limit);

  /**
   * How to run a graph.
   *
   * @param context context for tasks that name none and have no default, or {@code null}
   * @param dir directory for tasks without any context (e.g. the task file's directory)
   * @param parallel how many tasks may run at once (1 or more)
   */
  record ApplyOptions(String context, Path dir, int parallel) {
    public ApplyOptions {
      if (parallel < 1) {
        throw new InvalidInputException("parallel must be 1 or more");
      }
      if (dir == null && context == null) {
        throw new InvalidInputException("give a context or a directory to run the tasks in");
      }
    }
  }
}
