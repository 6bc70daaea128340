package dev.cam.plugin.cli.task;

import dev.cam.api.PlatformContext;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskStatus;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam tasks [ID]}: task graphs applied so far, or one graph's tasks. */
@Command(
    name = "tasks",
    description = {
      "List task graphs (cam apply), or show one graph's tasks with their agents and reasons.",
      "JSON: {\"graphs\":[graph...]} or one graph {id,name,status,created_at,finished_at,"
          + "tasks:[{name,status,depends_on,agent_id,reason,started_at,finished_at}]}."
    })
public final class TasksCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A graph id or unique prefix.")
  String id;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "20",
      description = "At most this many graphs (0 for all; default ${DEFAULT-VALUE}).")
  int limit;

  public TasksCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    CamService cam = Mode.service(spec, context);
    if (id != null) {
      TaskGraphRun graph = cam.graph(id);
      if (output.json()) {
        output.printJson(TaskJson.graph(graph));
      } else {
        output.println(header(graph, output.style()));
        output.printTable(
            List.of("TASK", "STATUS", "AGENT", "DEPENDS ON", "REASON"),
            rows(graph, output.style()));
      }
      return ExitCodes.OK;
    }
    List<TaskGraphRun> graphs = cam.graphs(Math.max(0, limit));
    if (output.json()) {
      output.printJson(Json.object("graphs", graphs.stream().map(TaskJson::graph).toList()));
    } else if (graphs.isEmpty()) {
      output.println("no task graphs yet: run one with 'cam apply -f tasks.yaml'");
    } else {
      Instant now = Instant.now();
      List<List<String>> rows =
          graphs.stream()
              .map(
                  g ->
                      List.of(
                          g.id().substring(0, 8),
                          g.name(),
                          paint(output.style(), g.status()),
                          done(g) + "/" + g.tasks().size(),
                          Times.ago(g.createdAt(), now)))
              .toList();
      output.printTable(List.of("ID", "NAME", "STATUS", "DONE", "APPLIED"), rows);
    }
    return ExitCodes.OK;
  }

  static String header(TaskGraphRun g, Style style) {
    return "graph "
        + g.id()
        + "  "
        + g.name()
        + "  "
        + paint(style, g.status())
        + "  "
        + done(g)
        + "/"
        + g.tasks().size()
        + " completed";
  }

  static List<List<String>> rows(TaskGraphRun graph, Style style) {
    return graph.tasks().stream()
        .map(
            t ->
                Arrays.asList(
                    t.name(),
                    paint(style, t.status()),
                    t.agentId() == null
                        ? null
                        : t.agentId().substring(0, Math.min(8, t.agentId().length())),
                    String.join(",", t.dependsOn()),
                    t.reason()))
        .toList();
  }

  private static long done(TaskGraphRun g) {
    return g.tasks().stream().filter(t -> t.status() == TaskStatus.COMPLETED).count();
  }

  static String paint(Style style, TaskStatus status) {
    return switch (status) {
      case COMPLETED -> style.green(status.wireName());
      case FAILED -> style.red(status.wireName());
      case SKIPPED -> style.yellow(status.wireName());
      default -> status.wireName();
    };
  }

  static String line(TaskRun t) {
    return t.name()
        + "  "
        + t.status().wireName()
        + (t.agentId() == null
            ? ""
            : "  agent " + t.agentId().substring(0, Math.min(8, t.agentId().length())))
        + (t.reason() == null ? "" : "  " + t.reason());
  }
}
