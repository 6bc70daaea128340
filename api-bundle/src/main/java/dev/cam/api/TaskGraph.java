package dev.cam.api;

import java.time.Duration;
import java.util.List;

/**
 * A task graph as read from a file ({@code cam apply -f tasks.yaml}): defaults and tasks, already
 * validated (unique names, known dependencies, no cycles).
 *
 * @param name a name for people, e.g. the file name
 * @param tool default tool, or {@code null}
 * @param context default context, or {@code null}
 * @param timeout default total timeout per task, or {@code null}
 * @param retry default retries per task, or {@code null} for none
 * @param tasks the tasks in file order, copied
 */
public record TaskGraph(
    String name,
    String tool,
    String context,
    Duration timeout,
    Integer retry,
    List<TaskDefinition> tasks) {
  public TaskGraph {
    if (tasks == null || tasks.isEmpty()) {
      throw new InvalidInputException("a task graph needs at least one task under 'tasks'");
    }
    tasks = List.copyOf(tasks);
    name = name == null || name.isBlank() ? "tasks" : name;
  }
}
