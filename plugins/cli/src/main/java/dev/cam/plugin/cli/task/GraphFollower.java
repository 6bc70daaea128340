package dev.cam.plugin.cli.task;

import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints a graph's task changes as they are stored, until it has ended. */
final class GraphFollower {
  private static final Duration POLL = Duration.ofMillis(250);

  private final CamService cam;
  private final Output output;
  private final Map<String, String> seen = new HashMap<>();

  GraphFollower(CamService cam, Output output) {
    this.cam = cam;
    this.output = output;
  }

  TaskGraphRun follow(TaskGraphRun started) throws InterruptedException {
    if (!output.json()) {
      output.println(
          "applying "
              + started.name()
              + " as graph "
              + started.id()
              + " ("
              + started.tasks().size()
              + " tasks)");
    }
    TaskGraphRun run = started;
    while (true) {
      run = cam.graph(started.id());
      run.tasks().forEach(this::printIfChanged);
      if (run.status().isTerminal()) {
        break;
      }
      Thread.sleep(POLL.toMillis());
    }
    if (output.json()) {
      output.printJson(Json.object("graph", TaskJson.graph(run)));
    } else {
      output.println("");
      output.println(TasksCommand.header(run, output.style()));
      output.printTable(
          List.of("TASK", "STATUS", "AGENT", "DEPENDS ON", "REASON"),
          TasksCommand.rows(run, output.style()));
    }
    return run;
  }

  private void printIfChanged(TaskRun t) {
    String print = t.status() + "/" + t.agentId();
    if (print.equals(seen.put(t.name(), print))) {
      return;
    }
    if (output.json()) {
      output.printJson(TaskJson.task(t));
    } else {
      String time = Times.clock(Instant.now(), ZoneId.systemDefault());
      output.println(time + "  " + TasksCommand.line(t));
    }
  }
}
