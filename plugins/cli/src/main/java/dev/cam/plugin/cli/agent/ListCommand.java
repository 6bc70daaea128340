package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.service.CamService;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cam list}: agents from the store, newest first, filtered; {@code --watch} follows. */
@Command(
    name = "list",
    aliases = "ls",
    description = {
      "List agents, newest first, straight from the store (no server needed) or from --server.",
      "JSON: {\"agents\":[agent...]}; with --watch one agent a line each time one changes."
    })
public final class ListCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(
      names = {"-s", "--status"},
      split = ",",
      paramLabel = "STATUS",
      description = "Only these statuses (repeat or comma-separate): pending, running, ...")
  List<String> statuses = List.of();

  @Option(names = "--tool", description = "Only agents of this tool.")
  String tool;

  @Option(names = "--ctx", paramLabel = "NAME", description = "Only agents in this context.")
  String ctx;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "50",
      description = "At most this many (0 for all; default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = {"-w", "--watch"},
      description = "Keep watching; Ctrl-C stops.")
  boolean watch;

  public ListCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    return list(
        Mode.service(spec, context), new Output(spec), query(statuses, tool, ctx, limit), watch);
  }

  /** Prints the agents the query selects, or with {@code watch} follows them. */
  public static int list(CamService cam, Output output, AgentQuery query, boolean watch)
      throws InterruptedException {
    if (watch) {
      new ListWatch(cam, output, query).run();
      return ExitCodes.OK;
    }
    List<Agent> agents = cam.agents(query);
    if (output.json()) {
      output.printJson(Json.object("agents", agents.stream().map(AgentJson::agent).toList()));
    } else if (agents.isEmpty()) {
      output.println("no agents" + (query.statuses().isEmpty() ? "" : " with that status"));
    } else {
      output.printTable(AgentTable.HEADERS, AgentTable.rows(agents, output.style(), Instant.now()));
    }
    return ExitCodes.OK;
  }

  /** The query of {@code --status}, {@code --tool}, {@code --ctx} and {@code -n}. */
  public static AgentQuery query(List<String> statuses, String tool, String ctx, int limit) {
    if (limit < 0) {
      throw new dev.cam.api.InvalidInputException("-n must be 0 (all) or more");
    }
    Set<AgentStatus> wanted = EnumSet.noneOf(AgentStatus.class);
    statuses.forEach(s -> wanted.add(AgentStatus.parse(s)));
    return new AgentQuery(wanted, tool, ctx, limit, 0);
  }
}
