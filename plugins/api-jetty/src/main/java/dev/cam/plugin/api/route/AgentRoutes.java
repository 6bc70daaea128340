package dev.cam.plugin.api.route;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Json;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /api/agents…}: the same kernel services the CLI calls. */
public final class AgentRoutes {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  private static final long LIST_MAX_AGE = java.time.Duration.ofSeconds(1).toNanos();
  private final PlatformContext context;
  private final Json json;
  private final ListCache lists = new ListCache(LIST_MAX_AGE, 64, System::nanoTime);

  public AgentRoutes(PlatformContext context, Json json) {
    this.context = context;
    this.json = json;
  }

  public List<Route> routes() {
    String one = "/api/agents/{id}";
    return List.of(
        new Route("GET", "/api/agents", "List agents, newest first", this::list),
        new Route("POST", "/api/agents", "Run an agent", this::run),
        new Route(
            "POST",
            "/api/agents/prune",
            "Delete ended agents and their logs",
            new Prune(context, java.time.Instant::now)::handle),
        new Route("GET", one, "One agent by id or unique prefix", this::get),
        new Route("DELETE", one, "Kill an agent, or stop it with ?mode=stop", this::end),
        new Route("GET", one + "/logs", "The agent's log entries", this::logs),
        new Route("GET", one + "/output", "The agent's screen and scrollback", this::output),
        new Route("POST", one + "/input", "Type text or send keys to the agent", this::input),
        new Route("POST", one + "/retry", "Start a new attempt of an ended agent", this::retry));
  }

  private Reply list(Exchange ex) {
    int limit = Params.integer(ex, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.integer(ex, "offset", 0, 0, Integer.MAX_VALUE);
    AgentQuery query =
        new AgentQuery(
            statuses(Params.text(ex, "status")),
            Params.text(ex, "tool"),
            Params.text(ex, "context"),
            limit,
            offset);
    String key = query.toString();
    byte[] body = lists.get(key, context.events().lastSeq(), () -> json.write(page(query)));
    return Reply.ok(body);
  }

  private Map<String, Object> page(AgentQuery query) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agents", context.agents().list(query).stream().map(AgentView::of).toList());
    body.put("limit", query.limit());
    body.put("offset", query.offset());
    return body;
  }

  private static Set<AgentStatus> statuses(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(AgentStatus::parse)
        .collect(Collectors.toSet());
  }

  private Reply run(Exchange ex) {
    RunRequest request = ex.body(RunBody.class).toRequest();
    Agent agent = Control.of(context).run(request);
    return Reply.created("/api/agents/" + agent.id(), AgentView.of(agent));
  }

  private Reply get(Exchange ex) {
    return Reply.ok(AgentView.of(context.agents().find(ex.param("id"))));
  }

  private Reply end(Exchange ex) {
    String mode = Params.text(ex, "mode");
    String id = ex.param("id");
    if (mode == null || mode.equals("kill")) {
      return Reply.ok(AgentView.of(Control.of(context).kill(id)));
    }
    if (mode.equals("stop")) {
      return Reply.ok(AgentView.of(Control.of(context).stop(id)));
    }
    throw new InvalidInputException("mode '" + mode + "' is not valid: use kill or stop");
  }

  private Reply logs(Exchange ex) {
    Agent agent = context.agents().find(ex.param("id"));
    int tail = Params.integer(ex, "tail", 0, 0, 100_000);
    long since = Params.seq(ex, "since");
    List<Map<String, Object>> entries =
        context.logs().read(agent.id(), tail).stream().filter(e -> after(e, since)).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent_id", agent.id());
    body.put("entries", entries);
    return Reply.ok(body);
  }

  /** Entries that carry an event's sequence number are kept when newer than {@code since}. */
  private static boolean after(Map<String, Object> entry, long since) {
    return since == 0 || !(entry.get("seq") instanceof Number seq) || seq.longValue() > since;
  }

  private Reply output(Exchange ex) {
    Agent agent = context.agents().find(ex.param("id"));
    int lines = Params.integer(ex, "lines", 0, 0, 10_000);
    Screen screen = Control.of(context).output(agent.id(), lines);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent_id", agent.id());
    body.put("lines", screen.lines());
    body.put("width", screen.width());
    body.put("height", screen.height());
    body.put("captured_at", AgentView.text(screen.capturedAt()));
    return Reply.ok(body);
  }

  private Reply input(Exchange ex) {
    InputBody body = ex.body(InputBody.class);
    String id = context.agents().find(ex.param("id")).id();
    if (body.keys() != null) {
      Control.of(context).keys(id, body.keys());
    } else {
      Control.of(context).send(id, body.text(), body.enter() == null || body.enter());
    }
    return Reply.noContent();
  }

  private Reply retry(Exchange ex) {
    return Reply.ok(AgentView.of(Control.of(context).retry(ex.param("id"))));
  }
}
