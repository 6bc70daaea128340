package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Times;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cam stats}: how many agents, by status and by tool, how often they succeed. */
@Command(
    name = "stats",
    description = {
      "Count agents by status and by tool, with success rates and average run times.",
      "JSON: {\"total\":n,\"by_status\":{...},\"by_tool\":[{tool,total,completed,failed,"
          + "success_rate,avg_runtime_s}]}."
    })
public final class StatsCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  public StatsCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    List<Agent> agents = Mode.service(spec, context).agents(AgentQuery.ALL);
    Map<String, Object> byStatus = new LinkedHashMap<>();
    for (AgentStatus s : AgentStatus.values()) {
      long n = agents.stream().filter(a -> a.status() == s).count();
      if (n > 0) {
        byStatus.put(s.wireName(), n);
      }
    }
    Map<String, List<Agent>> perTool = new TreeMap<>();
    agents.forEach(a -> perTool.computeIfAbsent(a.tool(), t -> new ArrayList<>()).add(a));
    List<Map<String, Object>> byTool = new ArrayList<>();
    perTool.forEach((tool, list) -> byTool.add(ToolStats.of(tool, list).json()));
    if (output.json()) {
      output.printJson(
          Json.object("total", agents.size(), "by_status", byStatus, "by_tool", byTool));
      return ExitCodes.OK;
    }
    StringBuilder text = new StringBuilder("agents: " + agents.size());
    byStatus.forEach((k, v) -> text.append("  ").append(k).append(' ').append(v));
    output.println(text.toString());
    if (!byTool.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      perTool.forEach((tool, list) -> rows.add(ToolStats.of(tool, list).row()));
      output.println("");
      output.printTable(
          List.of("TOOL", "TOTAL", "COMPLETED", "FAILED", "SUCCESS", "AVG RUN"), rows);
    }
    return ExitCodes.OK;
  }

  /** One tool's numbers; success counts completed among ended agents. */
  record ToolStats(String tool, int total, int completed, int failed, int ended, Duration avg) {
    static ToolStats of(String tool, List<Agent> agents) {
      int completed = 0;
      int failed = 0;
      int ended = 0;
      long runtimeMs = 0;
      for (Agent a : agents) {
        ended += a.status().isTerminal() ? 1 : 0;
        failed += a.status() == AgentStatus.FAILED || a.status() == AgentStatus.TIMEOUT ? 1 : 0;
        if (a.status() == AgentStatus.COMPLETED) {
          completed++;
          if (a.startedAt() != null && a.finishedAt() != null) {
            runtimeMs += Duration.between(a.startedAt(), a.finishedAt()).toMillis();
          }
        }
      }
      Duration avg = completed == 0 ? null : Duration.ofMillis(runtimeMs / completed);
      return new ToolStats(tool, agents.size(), completed, failed, ended, avg);
    }

    Double rate() {
      return ended == 0 ? null : Math.round(1000.0 * completed / ended) / 1000.0;
    }

    Map<String, Object> json() {
      return Json.object(
          "tool", tool,
          "total", total,
          "completed", completed,
          "failed", failed,
          "success_rate", rate(),
          "avg_runtime_s", avg == null ? null : avg.toSeconds());
    }

    List<String> row() {
      String success = rate() == null ? "-" : Math.round(rate() * 100) + "%";
      return List.of(
          tool,
          String.valueOf(total),
          String.valueOf(completed),
          String.valueOf(failed),
          success,
          Times.duration(avg));
    }
  }
}
