package dev.cam.api;

import java.time.Instant;
import java.util.List;

/**
 * A task graph being run or run before, as stored.
 *
 * @param id unique id (lower-case hex); commands accept any unique prefix
 * @param name the graph's name
 * @param status RUNNING while a task is pending or running; then COMPLETED when every task
 *     completed, else FAILED
 * @param createdAt when it was applied
 * @param finishedAt when its last task ended, or {@code null}
 * @param tasks its tasks in file order, copied
 */
public record TaskGraphRun(
    String id,
    String name,
    TaskStatus status,
    Instant createdAt,
    Instant finishedAt,
    List<TaskRun> tasks) {
  public TaskGraphRun {
    tasks = List.copyOf(tasks);
  }
}
