package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.AgentOptions;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Times;
import java.time.Instant;
import java.util.Map;

/**
 * Agents and events as the CLI's JSON: snake_case members in a fixed order, the same shape the REST
 * API uses, so scripts can switch between them. Environment values may be secrets: only their names
 * are shown.
 */
public final class AgentJson {
  private AgentJson() {}

  public static Map<String, Object> agent(Agent a) {
    return Json.object(
        "id", a.id(),
        "short_id", a.shortId(),
        "name", a.name(),
        "tool", a.tool(),
        "context", a.context(),
        "machine", a.machine().label(),
        "cwd", a.cwd(),
        "prompt", a.prompt(),
        "status", a.status().wireName(),
        "state", a.state().name(),
        "transport", a.transport(),
        "session", a.session(),
        "created_at", text(a.createdAt()),
        "started_at", text(a.startedAt()),
        "finished_at", text(a.finishedAt()),
        "exit_reason", a.exitReason(),
        "attempt", a.attempt(),
        "options", options(a.options()));
  }

  static Map<String, Object> options(AgentOptions o) {
    return Json.object(
        "timeout", Times.format(o.timeout()),
        "idle_timeout", Times.format(o.idleTimeout()),
        "retries", o.retries(),
        "auto_confirm", o.autoConfirm(),
        "env_keys", o.env().keySet().stream().sorted().toList());
  }

  public static Map<String, Object> event(AgentEvent e) {
    return Json.object(
        "seq", e.seq(),
        "agent_id", e.agentId(),
        "type", e.type(),
        "ts", e.timestamp().toString(),
        "detail", e.detail());
  }

  static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
