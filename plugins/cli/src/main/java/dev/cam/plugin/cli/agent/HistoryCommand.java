package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cam history}: agents that have ended, newest first, with how long they ran and why. */
@Command(
    name = "history",
    description = {
      "List agents that ended (completed, failed, timeout, killed), newest first.",
      "JSON: {\"agents\":[agent...]}."
    })
public final class HistoryCommand implements Callable<Integer> {
  static final Set<AgentStatus> ENDED =
      Stream.of(AgentStatus.values()).filter(AgentStatus::isTerminal).collect(Collectors.toSet());

  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(names = "--tool", description = "Only agents of this tool.")
  String tool;

  @Option(names = "--ctx", paramLabel = "NAME", description = "Only agents in this context.")
  String ctx;

  @Option(
      names = {"-n", "--limit"},
      defaultValue = "20",
      description = "At most this many (0 for all; default ${DEFAULT-VALUE}).")
  int limit;

  public HistoryCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    List<Agent> agents =
        Mode.service(spec, context).agents(new AgentQuery(ENDED, tool, ctx, Math.max(0, limit), 0));
    if (output.json()) {
      output.printJson(Json.object("agents", agents.stream().map(AgentJson::agent).toList()));
      return ExitCodes.OK;
    }
    if (agents.isEmpty()) {
      output.println("no agent has ended yet");
      return ExitCodes.OK;
    }
    Style style = output.style();
    Instant now = Instant.now();
    List<List<String>> rows =
        agents.stream()
            .map(
                a ->
                    Arrays.asList(
                        a.shortId(),
                        a.tool(),
                        style.status(a.status()),
                        Times.ago(a.finishedAt(), now),
                        runtime(a),
                        AgentTable.shorten(
                            a.exitReason() == null ? a.prompt() : a.exitReason(), 50)))
            .toList();
    output.printTable(List.of("ID", "TOOL", "STATUS", "ENDED", "RAN", "REASON / PROMPT"), rows);
    return ExitCodes.OK;
  }

  static String runtime(Agent a) {
    return a.startedAt() == null || a.finishedAt() == null
        ? "-"
        : Times.duration(Duration.between(a.startedAt(), a.finishedAt()));
  }
}
