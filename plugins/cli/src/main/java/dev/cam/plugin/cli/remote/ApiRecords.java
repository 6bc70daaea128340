package dev.cam.plugin.cli.remote;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.CamException;
import dev.cam.api.Context;
import dev.cam.api.LaunchPlan;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Machine;
import dev.cam.api.PluginInfo;
import dev.cam.api.PluginState;
import dev.cam.api.Screen;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskStatus;
import dev.cam.plugin.cli.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API's JSON (docs/api.md) as the records the commands print. Environment values never leave
 * the server: an agent's options carry its variables' names with empty values.
 */
final class ApiRecords {
  private ApiRecords() {}

  static Agent agent(Object json) {
    Map<?, ?> a = object(json, "agent");
    return new Agent(
        text(a, "id"),
        text(a, "name"),
        text(a, "tool"),
        text(a, "context"),
        machine(text(a, "machine")),
        text(a, "cwd"),
        text(a, "prompt"),
        AgentStatus.parse(text(a, "status")),
        a.get("state") == null ? null : AgentState.of(text(a, "state")),
        text(a, "transport"),
        text(a, "session"),
        instant(a, "created_at"),
        instant(a, "started_at"),
        instant(a, "finished_at"),
        text(a, "exit_reason"),
        (int) number(a, "attempt"),
        options(object(a.get("options"), "options")));
  }

  /** A launch plan; the environment's names come with empty values. */
  static LaunchPlan plan(Object json) {
    Map<?, ?> p = object(json, "plan");
    Map<String, String> env = new LinkedHashMap<>();
    list(p.get("env_keys")).forEach(k -> env.put(String.valueOf(k), ""));
    List<String> command = list(p.get("command")).stream().map(String::valueOf).toList();
    return new LaunchPlan(
        agent(p.get("agent")),
        new LaunchSpec(command, env, Boolean.TRUE.equals(p.get("prompt_on_command_line"))));
  }

  static List<Agent> agents(Object json, String member) {
    return list(object(json, "answer").get(member)).stream().map(ApiRecords::agent).toList();
  }

  private static AgentOptions options(Map<?, ?> o) {
    Map<String, String> env = new LinkedHashMap<>();
    list(o.get("env_keys")).forEach(k -> env.put(String.valueOf(k), ""));
    return new AgentOptions(
        o.get("timeout") == null ? null : Times.parseDuration("timeout", text(o, "timeout")),
        o.get("idle_timeout") == null
            ? null
            : Times.parseDuration("idle timeout", text(o, "idle_timeout")),
        (int) number(o, "retries"),
        !Boolean.FALSE.equals(o.get("auto_confirm")),
        env);
  }

  /** A machine from its label: {@code local} or {@code [user@]host[:port]}. */
  static Machine machine(String label) {
    if (label == null || label.equals("local")) {
      return Machine.LOCAL;
    }
    String user = null;
    String hostPort = label;
    int at = label.lastIndexOf('@');
    if (at >= 0) {
      user = label.substring(0, at);
      hostPort = label.substring(at + 1);
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon > 0 && hostPort.substring(colon + 1).matches("\\d{1,5}")) {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      return Machine.remote(hostPort.substring(0, colon), user, port, null);
    }
    return Machine.remote(hostPort, user, 0, null);
  }

  static Context context(Object json) {
    Map<?, ?> c = object(json, "context");
    List<String> tags = list(c.get("tags")).stream().map(String::valueOf).toList();
    Object machine = c.get("machine");
    Machine where =
        machine instanceof Map<?, ?> m ? machine(text(m, "label")) : machine(text(c, "machine"));
    return new Context(text(c, "name"), text(c, "path"), where, tags);
  }

  static PluginInfo plugin(Object json) {
    Map<?, ?> p = object(json, "plugin");
    String state = text(p, "state");
    return new PluginInfo(
        text(p, "id"),
        text(p, "version"),
        state == null ? null : PluginState.valueOf(state.toUpperCase(Locale.ROOT)),
        text(p, "source"),
        text(p, "reason"));
  }

  static Screen screen(Object json) {
    Map<?, ?> s = object(json, "screen");
    List<String> lines = list(s.get("lines")).stream().map(String::valueOf).toList();
    return new Screen(
        lines, (int) number(s, "width"), (int) number(s, "height"), instant(s, "captured_at"));
  }

  static TaskGraphRun graph(Object json) {
    Map<?, ?> g = object(json, "task graph");
    Object inner = g.get("graph");
    Map<?, ?> graph = inner instanceof Map<?, ?> m ? m : g;
    return new TaskGraphRun(
        text(graph, "id"),
        text(graph, "name"),
        taskStatus(text(graph, "status")),
        instant(graph, "created_at"),
        instant(graph, "finished_at"),
        list(graph.get("tasks")).stream().map(ApiRecords::task).toList());
  }

  private static TaskRun task(Object json) {
    Map<?, ?> t = object(json, "task");
    return new TaskRun(
        text(t, "name"),
        list(t.get("depends_on")).stream().map(String::valueOf).toList(),
        taskStatus(text(t, "status")),
        text(t, "agent_id"),
        text(t, "reason"),
        instant(t, "started_at"),
        instant(t, "finished_at"));
  }

  private static TaskStatus taskStatus(String wire) {
    return TaskStatus.valueOf(String.valueOf(wire).toUpperCase(Locale.ROOT));
  }

  static Map<?, ?> object(Object json, String what) {
    if (json instanceof Map<?, ?> map) {
      return map;
    }
    throw new CamException("the server sent no " + what + " where one was expected");
  }

  static List<?> list(Object json) {
    return json instanceof List<?> list ? list : List.of();
  }

  static String text(Map<?, ?> json, String key) {
    Object value = json.get(key);
    return value == null ? null : value.toString();
  }

  private static long number(Map<?, ?> json, String key) {
    return json.get(key) instanceof Number n ? n.longValue() : 0;
  }

  private static Instant instant(Map<?, ?> json, String key) {
    String value = text(json, key);
    return value == null ? null : Instant.parse(value);
  }
}
