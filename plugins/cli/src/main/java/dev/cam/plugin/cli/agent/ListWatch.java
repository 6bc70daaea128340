package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Table;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cam list --watch}: reads the store (or the server) once a second and shows what changed.
 * On a terminal it redraws the table; otherwise, and with {@code --json}, it prints one line per
 * changed agent, so the output can be piped. Runs until interrupted (Ctrl-C ends the process).
 */
final class ListWatch {
  private static final Duration EVERY = Duration.ofSeconds(1);

  private final CamService cam;
  private final Output output;
  private final AgentQuery query;
  private final Map<String, String> seen = new HashMap<>();

  ListWatch(CamService cam, Output output, AgentQuery query) {
    this.cam = cam;
    this.output = output;
    this.query = query;
  }

  void run() throws InterruptedException {
    Style style = output.style();
    while (!Thread.currentThread().isInterrupted()) {
      List<Agent> agents = cam.agents(query);
      List<Agent> changed = agents.stream().filter(this::changed).toList();
      if (style.on()) {
        redraw(agents, style);
      } else {
        changed.forEach(this::printLine);
      }
      Thread.sleep(EVERY.toMillis());
    }
  }

  private boolean changed(Agent a) {
    String print =
        a.status() + "/" + a.state() + "/" + a.attempt() + "/" + Objects.toString(a.exitReason());
    return !print.equals(seen.put(a.id(), print));
  }

  private void printLine(Agent a) {
    if (output.json()) {
      output.printJson(AgentJson.agent(a));
      return;
    }
    String time = Times.clock(Instant.now(), ZoneId.systemDefault());
    output.println(
        String.join(
            "  ",
            time,
            a.shortId(),
            a.tool(),
            a.status().wireName(),
            a.state().name(),
            a.exitReason() == null ? "" : a.exitReason()));
  }

  private void redraw(List<Agent> agents, Style style) {
    String table = Table.format(AgentTable.HEADERS, AgentTable.rows(agents, style, Instant.now()));
    output.out().print("\u001b[H\u001b[2J");
    output.println(style.dim("cam list --watch: every " + EVERY.toSeconds() + "s, Ctrl-C stops"));
    output.println(table.stripTrailing());
  }
}
