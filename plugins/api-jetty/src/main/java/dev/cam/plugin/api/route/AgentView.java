package dev.cam.plugin.api.route;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import java.time.Instant;
import java.util.List;

/**
 * An agent as JSON. Environment values may be secrets, so only their names are shown.
 *
 * @param id full id
 * @param shortId first 8 characters
 * @param name human name or null
 * @param tool tool id
 * @param context context name or null
 * @param machine machine label ({@code local}, {@code user@host:port})
 * @param cwd working directory
 * @param prompt the task
 * @param status wire name of the status
 * @param state current state
 * @param transport transport id or null
 * @param session session name or null
 * @param createdAt ISO-8601 instant
 * @param startedAt ISO-8601 instant or null
 * @param finishedAt ISO-8601 instant or null
 * @param exitReason why it ended or waits, or null
 * @param attempt attempt number
 * @param options how it is run
 */
public record AgentView(
    String id,
    String shortId,
    String name,
    String tool,
    String context,
    String machine,
    String cwd,
    String prompt,
    String status,
    String state,
    String transport,
    String session,
    String createdAt,
    String startedAt,
    String finishedAt,
    String exitReason,
    int attempt,
    Options options) {

  public static AgentView of(Agent a) {
    return new AgentView(
        a.id(),
        a.shortId(),
        a.name(),
        a.tool(),
        a.context(),
        a.machine().label(),
        a.cwd(),
        a.prompt(),
        a.status().wireName(),
        a.state().name(),
        a.transport(),
        a.session(),
        text(a.createdAt()),
        text(a.startedAt()),
        text(a.finishedAt()),
        a.exitReason(),
        a.attempt(),
        Options.of(a.options()));
  }

  static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  /**
   * Run options as JSON.
   *
   * @param timeout total timeout ({@code 30m}) or null
   * @param idleTimeout idle timeout or null
   * @param retries retries after a failure
   * @param autoConfirm whether CAM answers permission prompts
   * @param envKeys names of the extra environment variables
   */
  public record Options(
      String timeout, String idleTimeout, int retries, boolean autoConfirm, List<String> envKeys) {
    static Options of(AgentOptions o) {
      return new Options(
          DurationText.format(o.timeout()),
          DurationText.format(o.idleTimeout()),
          o.retries(),
          o.autoConfirm(),
          o.env().keySet().stream().sorted().toList());
    }
  }
}
