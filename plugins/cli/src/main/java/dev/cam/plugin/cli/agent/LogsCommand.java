package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.service.EventFeed;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam logs ID [-f] [-n N]}: an agent's log, and with {@code -f} what it logs next. */
@Command(
    name = "logs",
    description = {
      "Print an agent's log (its events), oldest first; -f keeps following until it ends.",
      "JSON: {\"agent_id\":...,\"entries\":[...]}; with -f one entry a line."
    })
public final class LogsCommand implements Callable<Integer> {
  private static final Duration POLL = Duration.ofMillis(250);

  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
  String id;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "100",
      description = "The last N entries (0 for all; default ${DEFAULT-VALUE}).")
  int lines;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new entries until the agent ends (Ctrl-C stops).")
  boolean follow;

  public LogsCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec);
    CamService cam = Mode.service(spec, context);
    Agent agent = cam.agent(id);
    List<Map<String, Object>> entries = cam.log(agent.id(), Math.max(0, lines));
    if (output.json() && !follow) {
      output.printJson(Json.object("agent_id", agent.id(), "entries", entries));
      return ExitCodes.OK;
    }
    Style style = output.style();
    long last = 0;
    for (Map<String, Object> entry : entries) {
      print(output, style, entry);
      last = Math.max(last, LogLines.seq(entry));
    }
    if (follow) {
      follow(cam, output, style, agent, last);
    }
    return ExitCodes.OK;
  }

  /** Prints the agent's events after {@code after} as they come, until it has ended. */
  private void follow(CamService cam, Output output, Style style, Agent agent, long after)
      throws InterruptedException {
    try (EventFeed feed = cam.follow(agent.id(), after)) {
      while (!Thread.currentThread().isInterrupted()) {
        if (cam.agent(agent.id()).status().isTerminal()) {
          feed.rest().forEach(entry -> print(output, style, entry));
          return;
        }
        feed.next(POLL).forEach(entry -> print(output, style, entry));
      }
    }
  }

  private static void print(Output output, Style style, Map<String, Object> entry) {
    output.println(
        output.json() ? Json.write(entry) : LogLines.human(entry, style, ZoneId.systemDefault()));
  }
}
