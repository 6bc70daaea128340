package dev.cam.platform.task;

import dev.cam.api.InvalidInputException;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a graph (unique names, known dependencies, no cycles) and plans it by level. */
final class GraphCheck {
  private GraphCheck() {}

  static void validate(TaskGraph graph) {
    Map<String, TaskDefinition> byName = new LinkedHashMap<>();
    for (TaskDefinition t : graph.tasks()) {
      if (byName.put(t.name(), t) != null) {
        throw new InvalidInputException(
            graph.name() + ": two tasks are named '" + t.name() + "': give each a unique name");
      }
    }
    for (TaskDefinition t : graph.tasks()) {
      for (String dep : t.dependsOn()) {
        if (!byName.containsKey(dep)) {
          throw new InvalidInputException(
              graph.name()
                  + ": task '"
                  + t.name()
                  + "' depends on '"
                  + dep
                  + "', which is not a task; known: "
                  + String.join(", ", byName.keySet()));
        }
      }
    }
    List<String> cycle = cycle(byName);
    if (!cycle.isEmpty()) {
      throw new InvalidInputException(
          graph.name()
              + ": the tasks depend on each other in a cycle: "
              + String.join(" -> ", cycle)
              + "; remove one of these dependencies");
    }
  }

  /** A dependency cycle as a path that starts and ends with the same task, or empty. */
  private static List<String> cycle(Map<String, TaskDefinition> byName) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : byName.keySet()) {
      List<String> path = new ArrayList<>();
      if (visit(start, byName, state, path)) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean visit(
      String name,
      Map<String, TaskDefinition> byName,
      Map<String, Integer> state,
      List<String> path) {
    Integer s = state.get(name);
    if (s != null && s == 2) {
      return false;
    }
    if (s != null && s == 1) {
      List<String> loop = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
      loop.add(name);
      path.clear();
      path.addAll(loop);
      return true;
    }
    state.put(name, 1);
    path.add(name);
    for (String dep : byName.get(name).dependsOn()) {
      if (visit(dep, byName, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(name, 2);
    return false;
  }

  /** Names by level: a task's level is one more than its deepest dependency's. */
  static List<List<String>> levels(TaskGraph graph) {
    Map<String, TaskDefinition> byName = new LinkedHashMap<>();
    graph.tasks().forEach(t -> byName.put(t.name(), t));
    Map<String, Integer> level = new HashMap<>();
    List<List<String>> levels = new ArrayList<>();
    for (TaskDefinition t : graph.tasks()) {
      int l = level(t.name(), byName, level);
      while (levels.size() <= l) {
        levels.add(new ArrayList<>());
      }
      levels.get(l).add(t.name());
    }
    return levels.stream().map(List::copyOf).toList();
  }

  private static int level(
      String name, Map<String, TaskDefinition> byName, Map<String, Integer> known) {
    Integer l = known.get(name);
    if (l != null) {
      return l;
    }
    int deepest = -1;
    for (String dep : byName.get(name).dependsOn()) {
      deepest = Math.max(deepest, level(dep, byName, known));
    }
    known.put(name, deepest + 1);
    return deepest + 1;
  }
}
