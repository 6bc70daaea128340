package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam status ID}: one agent in detail, with its last log entries. */
@Command(
    name = "status",
    description = {
      "Show one agent: status, state, where it runs, times, options and its last events.",
      "JSON: {\"agent\":{...},\"events\":[...]}."
    })
public final class StatusCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
  String id;

  @Option(
      names = {"-e", "--events"},
      defaultValue = "10",
      description = "How many recent events to show (default ${DEFAULT-VALUE}).")
  int events;

  public StatusCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return show(Mode.service(spec, context), new Output(spec), id, events);
  }

  /** Prints the agent with this id (or unique prefix) and its last {@code events} log entries. */
  public static int show(CamService cam, Output output, String id, int events) {
    // Time zone and colours first: on a cold start they are set up while the store still opens.
    ZoneId zone = ZoneId.systemDefault();
    Style style = output.style();
    Agent agent = cam.agent(id);
    List<Map<String, Object>> recent = events <= 0 ? List.of() : cam.log(agent.id(), events);
    if (output.json()) {
      output.printJson(Json.object("agent", AgentJson.agent(agent), "events", recent));
      return ExitCodes.OK;
    }
    List<List<String>> rows = rows(agent, style, Instant.now());
    StringBuilder text = new StringBuilder();
    String newline = System.lineSeparator();
    for (List<String> row : rows) {
      String label = row.get(0);
      text.append(label).append(" ".repeat(Math.max(0, 9 - label.length())));
      text.append(' ').append(row.get(1)).append(newline);
    }
    if (!recent.isEmpty()) {
      text.append(newline).append("last events:").append(newline);
      for (Map<String, Object> entry : recent) {
        text.append("  ").append(LogLines.human(entry, style, zone));
        text.append(System.lineSeparator());
      }
    }
    output.println(text.toString().stripTrailing());
    return ExitCodes.OK;
  }

  static List<List<String>> rows(Agent a, Style style, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("agent", a.id() + (a.name() == null ? "" : "  (" + a.name() + ")")));
    rows.add(List.of("tool", a.tool()));
    rows.add(List.of("status", style.status(a.status()) + "  attempt " + a.attempt()));
    rows.add(List.of("state", a.state().name()));
    if (a.exitReason() != null) {
      rows.add(List.of("reason", a.exitReason()));
    }
    String where =
        a.context() == null ? a.machine().label() : a.context() + " on " + a.machine().label();
    rows.add(List.of("where", where + ":" + (a.cwd() == null ? "-" : a.cwd())));
    rows.add(List.of("session", a.session() == null ? "-" : a.transport() + " " + a.session()));
    rows.add(List.of("created", Times.ago(a.createdAt(), now) + "  " + a.createdAt()));
    if (a.startedAt() != null) {
      Instant end = a.finishedAt() == null ? now : a.finishedAt();
      rows.add(List.of("runtime", Times.duration(Duration.between(a.startedAt(), end))));
    }
    if (a.finishedAt() != null) {
      rows.add(List.of("finished", Times.ago(a.finishedAt(), now) + "  " + a.finishedAt()));
    }
    rows.add(List.of("options", options(a.options())));
    rows.add(List.of("prompt", a.prompt()));
    return rows;
  }

  static String options(AgentOptions o) {
    List<String> parts = new ArrayList<>();
    parts.add("timeout " + (o.timeout() == null ? "none" : Times.format(o.timeout())));
    parts.add("idle " + (o.idleTimeout() == null ? "none" : Times.format(o.idleTimeout())));
    parts.add("retries " + o.retries());
    parts.add("auto-confirm " + (o.autoConfirm() ? "on" : "off"));
    if (!o.env().isEmpty()) {
      parts.add("env " + String.join(",", o.env().keySet().stream().sorted().toList()));
    }
    return String.join(", ", parts);
  }
}
