package dev.cam.api;

import java.time.Instant;
import java.util.List;

/**
 * One task of a graph run.
 *
 * @param name the task's name
 * @param dependsOn names of the tasks it waits for, copied
 * @param status where it is
 * @param agentId the agent running or that ran it, or {@code null} before it started
 * @param reason why it failed or was skipped, or {@code null}
 * @param startedAt when its agent started, or {@code null}
 * @param finishedAt when it ended, or {@code null}
 */
public record TaskRun(
    String name,
    List<String> dependsOn,
    TaskStatus status,
    String agentId,
    String reason,
    Instant startedAt,
    Instant finishedAt) {
  public TaskRun {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }
}
