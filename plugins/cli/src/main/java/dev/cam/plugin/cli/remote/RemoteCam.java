package dev.cam.plugin.cli.remote;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.Context;
import dev.cam.api.LaunchPlan;
import dev.cam.api.Machine;
import dev.cam.api.PluginInfo;
import dev.cam.api.RunRequest;
import dev.cam.api.Screen;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRunner.ApplyOptions;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.service.EventFeed;
import dev.cam.plugin.cli.service.LocalCam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link CamService} through a CAM server's REST API and WebSocket (docs/api.md). */
public final class RemoteCam implements CamService {
  /** The most agents the API gives in one page. */
  static final int PAGE = 1000;

  private final ApiClient api;

  public RemoteCam(ApiClient api) {
    this.api = api;
  }

  @Override
  public List<Agent> agents(AgentQuery query) {
    List<Agent> all = new ArrayList<>();
    int wanted = query.limit() == 0 ? Integer.MAX_VALUE : query.limit();
    int offset = query.offset();
    while (all.size() < wanted) {
      int page = Math.min(PAGE, wanted - all.size());
      List<Agent> got = ApiRecords.agents(api.get(listPath(query, page, offset)), "agents");
      all.addAll(got);
      offset += got.size();
      if (got.size() < page) {
        break;
      }
    }
    return all;
  }

  private static String listPath(AgentQuery query, int limit, int offset) {
    StringBuilder path = new StringBuilder("api/agents?limit=" + limit + "&offset=" + offset);
    if (!query.statuses().isEmpty()) {
      String statuses =
          query.statuses().stream().map(AgentStatus::wireName).collect(Collectors.joining(","));
      path.append("&status=").append(ApiClient.encode(statuses));
    }
    if (query.tool() != null) {
      path.append("&tool=").append(ApiClient.encode(query.tool()));
    }
    if (query.context() != null) {
      path.append("&context=").append(ApiClient.encode(query.context()));
    }
    return path.toString();
  }

  @Override
  public Agent agent(String id) {
    return ApiRecords.agent(api.get(agentPath(id)));
  }

  @Override
  public List<Map<String, Object>> log(String agentId, int tail) {
    Object answer = api.get(agentPath(agentId) + "/logs?tail=" + tail);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Object entry : ApiRecords.list(ApiRecords.object(answer, "log").get("entries"))) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ApiRecords.object(entry, "log entry").forEach((k, v) -> copy.put(String.valueOf(k), v));
      entries.add(copy);
    }
    return entries;
  }

  @Override
  public EventFeed follow(String agentId, long afterSeq) {
    return new SocketFeed(api, agentId, afterSeq);
  }

  @Override
  public Agent run(RunRequest request) {
    return ApiRecords.agent(api.post("api/agents", RunBodies.of(request)));
  }

  @Override
  public LaunchPlan plan(RunRequest request) {
    return ApiRecords.plan(api.post("api/agents/plan", RunBodies.of(request)));
  }

  @Override
  public Agent stop(String id) {
    return ApiRecords.agent(api.delete(agentPath(id) + "?mode=stop"));
  }

  @Override
  public Agent kill(String id) {
    return ApiRecords.agent(api.delete(agentPath(id) + "?mode=kill"));
  }

  @Override
  public Agent retry(String id) {
    return ApiRecords.agent(api.post(agentPath(id) + "/retry", Map.of()));
  }

  @Override
  public void send(String id, String text, boolean enter) {
    api.post(agentPath(id) + "/input", Json.object("text", text, "enter", enter));
  }

  @Override
  public void keys(String id, List<String> keys) {
    api.post(agentPath(id) + "/input", Json.object("keys", keys));
  }

  @Override
  public Screen output(String id, int lines) {
    return ApiRecords.screen(api.get(agentPath(id) + "/output?lines=" + lines));
  }

  @Override
  public List<Context> contexts() {
    Object answer = api.get("api/contexts");
    return ApiRecords.list(ApiRecords.object(answer, "contexts").get("contexts")).stream()
        .map(ApiRecords::context)
        .toList();
  }

  @Override
  public Context context(String name) {
    return ApiRecords.context(api.get("api/contexts/" + ApiClient.encode(name)));
  }

  @Override
  public Context addContext(Context c) {
    Map<String, Object> body = Json.object("name", c.name(), "path", c.path());
    if (!c.machine().isLocal()) {
      body.put("machine", RunBodies.machine(c.machine()));
    }
    body.put("tags", c.tags());
    return ApiRecords.context(api.post("api/contexts", body));
  }

  @Override
  public void removeContext(String name) {
    api.delete("api/contexts/" + ApiClient.encode(name));
  }

  @Override
  public TaskGraphRun apply(String file, String content, ApplyOptions options) {
    // tasks that name no context run in the file's directory, which must exist on the server too
    Map<String, Object> body =
        Json.object(
            "name",
            file,
            "format",
            LocalCam.format(file),
            "text",
            content,
            "context",
            options.context(),
            "dir",
            options.context() == null && options.dir() != null ? options.dir().toString() : null,
            "parallel",
            options.parallel());
    return ApiRecords.graph(api.post("api/tasks/apply", body));
  }

  @Override
  public TaskGraphRun graph(String id) {
    return ApiRecords.graph(api.get("api/tasks/" + ApiClient.encode(id)));
  }

  @Override
  public List<TaskGraphRun> graphs(int limit) {
    Object answer = api.get("api/tasks" + (limit > 0 ? "?limit=" + limit : ""));
    return ApiRecords.list(ApiRecords.object(answer, "task graphs").get("tasks")).stream()
        .map(ApiRecords::graph)
        .toList();
  }

  @Override
  public List<PluginInfo> plugins() {
    Object answer = api.get("api/system/plugins");
    return ApiRecords.list(ApiRecords.object(answer, "plugins").get("plugins")).stream()
        .map(ApiRecords::plugin)
        .toList();
  }

  /**
   * Changes a context on the server: {@code change} holds the members of {@code PATCH
   * /api/contexts/{name}} to set (path, host, user, port, key_file, tags, untags).
   */
  public Context updateContext(String name, Map<String, Object> change) {
    return ApiRecords.context(api.patch("api/contexts/" + ApiClient.encode(name), change));
  }

  /** The server's checks of a context: {@code {name, machine, ok, reachable, latency_ms, ...}}. */
  public Map<?, ?> testContext(String name, boolean acceptNew) {
    String path = "api/contexts/" + ApiClient.encode(name) + "/test";
    return ApiRecords.object(
        api.post(path + (acceptNew ? "?accept_new=true" : ""), Map.of()), "context check");
  }

  /**
   * Deletes ended agents on the server (or only lists them with {@code dryRun}).
   *
   * @param statuses ended statuses to prune, empty for all
   * @param before only agents that ended before this, or null
   * @return the agents pruned
   */
  public List<Agent> prune(List<AgentStatus> statuses, Instant before, boolean dryRun) {
    Map<String, Object> body =
        Json.object(
            "status",
            statuses.stream().map(AgentStatus::wireName).toList(),
            "before",
            before == null ? null : before.toString(),
            "dry_run",
            dryRun);
    return ApiRecords.agents(api.post("api/agents/prune", body), "agents");
  }

  /** The server's doctor checks: {@code {ok, checks:[{source,name,ok,detail,fix}]}}. */
  public Map<?, ?> doctor() {
    return ApiRecords.object(api.get("api/system/doctor"), "doctor report");
  }

  /** The server's health: {@code {status, version}}. */
  public Map<?, ?> health() {
    return ApiRecords.object(api.get("api/system/health"), "health");
  }

  public String label() {
    return api.label();
  }

  private static String agentPath(String id) {
    return "api/agents/" + ApiClient.encode(id);
  }

  /** Run requests and machines as the API's request bodies. */
  static final class RunBodies {
    private RunBodies() {}

    static Map<String, Object> of(RunRequest r) {
      Map<String, Object> body = Json.object("tool", r.tool(), "prompt", r.prompt());
      put(body, "context", r.context());
      put(body, "cwd", r.context() == null ? r.cwd() : null);
      if (!r.machine().isLocal()) {
        body.put("machine", machine(r.machine()));
      }
      put(body, "name", r.name());
      put(body, "timeout", dev.cam.plugin.cli.Times.format(r.options().timeout()));
      put(body, "idle_timeout", dev.cam.plugin.cli.Times.format(r.options().idleTimeout()));
      body.put("retries", r.options().retries());
      body.put("auto_confirm", r.options().autoConfirm());
      if (!r.options().env().isEmpty()) {
        body.put("env", r.options().env());
      }
      return body;
    }

    static Map<String, Object> machine(Machine m) {
      Map<String, Object> body = Json.object("host", m.host());
      put(body, "user", m.user());
      if (m.port() != 0) {
        body.put("port", m.port());
      }
      put(body, "key_file", m.keyFile());
      return body;
    }

    private static void put(Map<String, Object> body, String key, Object value) {
      if (value != null) {
        body.put(key, value);
      }
    }
  }
}
