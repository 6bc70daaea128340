package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentPrune;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.remote.RemoteCam;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cam prune}: deletes ended agents and their logs. Active agents are never pruned. */
@Command(
    name = "prune",
    description = {
      "Delete ended agents (and their logs) from the store; active agents are never touched.",
      "JSON: {\"pruned\":[id...],\"dry_run\":bool}."
    })
public final class PruneCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(
      names = {"-s", "--status"},
      split = ",",
      paramLabel = "STATUS",
      description = "Only these ended statuses (default: completed, failed, timeout, killed).")
  List<String> statuses = List.of();

  @Option(
      names = "--before",
      paramLabel = "AGE|DATE",
      description = "Only agents that ended before this: an age (7d, 12h) or a date (2026-11-01).")
  String before;

  @Option(names = "--dry-run", description = "Only say what would be deleted.")
  boolean dryRun;

  public PruneCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    Instant cutoff =
        before == null
            ? null
            : Times.parseInstant("--before", before, Instant.now(), ZoneId.systemDefault());
    AgentPrune prune = AgentPrune.of(statuses, cutoff);
    Optional<RemoteCam> remote = Mode.of(spec, context).remote();
    List<Agent> doomed =
        remote.isPresent()
            ? remote
                .get()
                .prune(
                    statuses.isEmpty() ? List.of() : List.copyOf(prune.statuses()), cutoff, dryRun)
            : prune.apply(context.agents(), context.logs(), dryRun);
    List<String> ids = doomed.stream().map(Agent::id).toList();
    if (output.json()) {
      output.printJson(Json.object("pruned", ids, "dry_run", dryRun));
    } else {
      doomed.forEach(a -> output.println((dryRun ? "would prune " : "pruned ") + line(a)));
      output.println((dryRun ? "would prune " : "pruned ") + ids.size() + " agent(s)");
    }
    return ExitCodes.OK;
  }

  private static String line(Agent a) {
    return a.shortId() + "  " + a.tool() + "  " + a.status().wireName() + "  " + a.prompt();
  }
}
