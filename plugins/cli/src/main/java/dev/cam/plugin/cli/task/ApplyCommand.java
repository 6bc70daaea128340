package dev.cam.plugin.cli.task;

import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.api.TaskDefinition;
import dev.cam.api.TaskGraph;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRunner.ApplyOptions;
import dev.cam.api.TaskStatus;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.service.LocalCam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cam apply -f FILE}: runs a task graph, independent tasks in parallel, and follows it until
 * every task has ended (exit 0 all completed, 4 otherwise).
 */
@Command(
    name = "apply",
    description = {
      "Run a task graph (YAML, TOML or JSON): each task an agent once its dependencies completed,",
      "independent ones in parallel; a failed task skips its dependents. Follows it to the end.",
      "JSON: one task change a line, then the graph; --dry-run: {name, levels:[[task...]]}."
    })
public final class ApplyCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE",
      description = "The task file.")
  Path file;

  @Option(names = "--ctx", paramLabel = "NAME", description = "Context for tasks that name none.")
  String ctx;

  @Option(
      names = {"-p", "--parallel"},
      defaultValue = "4",
      description = "How many tasks may run at once (default ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--dry-run", description = "Print the plan by level, start nothing.")
  boolean dryRun;

  @Option(
      names = {"-d", "--detach"},
      description = "Run the graph in a background cam process.")
  boolean detach;

  public ApplyCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec);
    Path path = file.toAbsolutePath().normalize();
    String name = path.getFileName().toString();
    String content = read(path);
    if (dryRun) {
      return plan(output, context.tasks().parse(content, LocalCam.format(name), name));
    }
    boolean remote = Mode.of(spec, context).server().isPresent();
    if (detach && !remote) {
      return BackgroundApply.start(context, output, path, ctx, parallel);
    }
    CamService cam = Mode.service(spec, context);
    TaskGraphRun run = cam.apply(name, content, new ApplyOptions(ctx, path.getParent(), parallel));
    if (detach) {
      // the server runs the graph whether anyone follows it or not
      output.println(
          output.json() ? Json.write(Json.object("graph", TaskJson.graph(run))) : run.id());
      return ExitCodes.OK;
    }
    TaskGraphRun last = new GraphFollower(cam, output).follow(run);
    return last.status() == TaskStatus.COMPLETED ? ExitCodes.OK : ExitCodes.AGENT_FAILED;
  }

  private int plan(Output output, TaskGraph graph) {
    List<List<String>> levels = context.tasks().levels(graph);
    if (output.json()) {
      output.printJson(Json.object("name", graph.name(), "levels", levels));
      return ExitCodes.OK;
    }
    output.println(
        "plan for "
            + graph.name()
            + ": "
            + graph.tasks().size()
            + " task(s), "
            + levels.size()
            + " level(s)");
    for (int i = 0; i < levels.size(); i++) {
      StringBuilder line = new StringBuilder("level " + i + ":");
      for (String task : levels.get(i)) {
        TaskDefinition t =
            graph.tasks().stream().filter(d -> d.name().equals(task)).findFirst().orElseThrow();
        String tool = t.tool() == null ? graph.tool() : t.tool();
        line.append("  ")
            .append(task)
            .append(" (")
            .append(tool == null ? "no tool!" : tool)
            .append(')');
      }
      output.println(line.toString());
    }
    return ExitCodes.OK;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read task file " + path + ": " + e.getMessage(), e);
    }
  }
}
