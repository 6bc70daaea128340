package dev.cam.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One task of a task graph ({@code cam apply}): an agent to run once its dependencies completed.
 *
 * @param name unique name within the graph
 * @param tool tool adapter id, or {@code null} for the graph's default
 * @param prompt the task given to the tool
 * @param context context name, or {@code null} for the graph's default
 * @param dependsOn names of tasks that must complete first, copied
 * @param timeout total timeout, or {@code null} for the default
 * @param retry retries, or {@code null} for the default
 * @param env extra environment, copied
 */
public record TaskDefinition(
    String name,
    String tool,
    String prompt,
    String context,
    List<String> dependsOn,
    Duration timeout,
    Integer retry,
    Map<String, String> env) {
  public TaskDefinition {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("every task needs a name");
    }
    if (prompt == null || prompt.isBlank()) {
      throw new InvalidInputException("task '" + name + "' needs a prompt");
    }
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
