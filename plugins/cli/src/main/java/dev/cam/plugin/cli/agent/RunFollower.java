package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.service.EventFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows an agent live: prints its events as they are stored and, on a terminal, a status line
 * with a spinner and the elapsed time. Reads the store or the server, so it shows the same
 * whichever CAM process watches the agent. On Ctrl-C it says how to find the agent again; the agent
 * keeps running.
 */
final class RunFollower {
  private static final Duration TICK = Duration.ofMillis(150);
  private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

  private final CamService cam;
  private final Runnable onDetach;
  private final Output output;
  private final Style style;

  /**
   * @param onDetach what to do when the process is stopped while following (Ctrl-C): give up
   *     watching the agent here, so another CAM process adopts it
   */
  RunFollower(CamService cam, Runnable onDetach, Output output) {
    this.cam = cam;
    this.onDetach = onDetach;
    this.output = output;
    this.style = output.style();
  }

  /** Returns the agent as it ended. */
  Agent follow(Agent started) throws InterruptedException {
    AtomicBoolean ended = new AtomicBoolean();
    Thread hook = new Thread(() -> detached(started, ended), "cam-run-detach");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Agent last = loop(started);
      ended.set(true);
      return last;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already: the hook runs
      }
    }
  }

  private Agent loop(Agent agent) throws InterruptedException {
    int tick = 0;
    Agent now;
    try (EventFeed feed = cam.follow(agent.id(), 0)) {
      while (true) {
        now = cam.agent(agent.id());
        if (now.status().isTerminal()) {
          print(feed.rest());
          break;
        }
        statusLine(now, tick++);
        print(feed.next(TICK));
      }
    }
    clearStatusLine();
    summary(now);
    return now;
  }

  private void print(List<Map<String, Object>> entries) {
    if (!entries.isEmpty()) {
      clearStatusLine();
      entries.forEach(this::print);
    }
  }

  private void print(Map<String, Object> entry) {
    output.println(
        output.json() ? Json.write(entry) : LogLines.human(entry, style, ZoneId.systemDefault()));
  }

  private void statusLine(Agent a, int tick) {
    if (!style.on()) {
      return;
    }
    Instant from = a.startedAt() == null ? a.createdAt() : a.startedAt();
    String line =
        SPINNER.charAt(tick % SPINNER.length())
            + " "
            + a.shortId()
            + "  "
            + style.status(a.status())
            + "  "
            + a.state().name()
            + "  "
            + Times.duration(Duration.between(from, Instant.now()))
            + style.dim("  Ctrl-C detaches");
    output.out().print("\r\u001b[2K" + line);
    output.out().flush();
  }

  private void clearStatusLine() {
    if (style.on()) {
      output.out().print("\r\u001b[2K");
    }
  }

  private void summary(Agent a) {
    if (output.json()) {
      output.printJson(Json.object("agent", AgentJson.agent(a)));
      return;
    }
    String ran = HistoryCommand.runtime(a);
    output.println(
        "agent "
            + a.shortId()
            + " "
            + style.status(a.status())
            + " after "
            + ran
            + (a.exitReason() == null ? "" : ": " + a.exitReason()));
  }

  private void detached(Agent agent, AtomicBoolean ended) {
    if (ended.get()) {
      return;
    }
    try {
      onDetach.run();
    } catch (RuntimeException e) {
      // the lease then expires on its own and a server adopts the agent a little later
    }
    clearStatusLine();
    output
        .err()
        .println(
            "\ncam: detached; agent "
                + agent.shortId()
                + " keeps running. A 'cam serve' takes over"
                + " watching it; 'cam attach "
                + agent.shortId()
                + "' shows it, 'cam stop "
                + agent.shortId()
                + "' ends it.");
    output.err().flush();
  }
}
