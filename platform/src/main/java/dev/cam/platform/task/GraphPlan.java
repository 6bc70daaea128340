package dev.cam.platform.task;

import dev.cam.api.AgentOptions;
import dev.cam.api.InvalidInputException;
import dev.cam.api.RunRequest;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskRunner.ApplyOptions;

/**
 * A graph with how to run it: each task's tool, place and options, its own values first, then the
 * command line's context, then the file's defaults.
 */
record GraphPlan(TaskGraph graph, ApplyOptions options) {
  GraphPlan {
    for (TaskDefinition t : graph.tasks()) {
      if (t.tool() == null && graph.tool() == null) {
        throw new InvalidInputException(
            graph.name()
                + ": task '"
                + t.name()
                + "' has no tool: set its 'tool' or 'defaults.tool'");
      }
    }
  }

  int parallel() {
    return options.parallel();
  }

  TaskDefinition task(String name) {
    return graph.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  RunRequest request(TaskDefinition t) {
    String context = firstSet(t.context(), options.context(), graph.context());
    String cwd = context == null ? options.dir().toAbsolutePath().toString() : null;
    // Unset retries and auto-confirm are left to the configuration, as for any run.
    Integer retries = t.retry() != null ? t.retry() : graph.retry();
    AgentOptions agentOptions =
        new AgentOptions(
            t.timeout() == null ? graph.timeout() : t.timeout(), null, retries, null, t.env());
    String tool = t.tool() == null ? graph.tool() : t.tool();
    return new RunRequest(tool, t.prompt(), context, cwd, null, t.name(), agentOptions);
  }

  private static String firstSet(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
