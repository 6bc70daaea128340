package dev.cam.platform.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective configuration as typed records, one per section. Immutable; safe from any thread.
 *
 * @param tools settings of each tool named in any layer, by tool id
 */
public record CamSettings(
    General general,
    Monitor monitor,
    Retry retry,
    Server server,
    Relay relay,
    Map<String, Tool> tools) {
  public CamSettings {
    Objects.requireNonNull(general, "general");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(relay, "relay");
    tools = Map.copyOf(tools);
  }

  /** The settings of a tool, or empty when no layer mentions it. */
  public Optional<Tool> tool(String id) {
    return Optional.ofNullable(tools.get(id));
  }

  /**
   * {@code [general]}.
   *
   * @param defaultTool tool used when a command names none
   * @param logLevel one of error, warn, info, debug, trace
   */
  public record General(String defaultTool, String logLevel) {}

  /**
   * {@code [monitor]}: how agents are watched.
   *
   * @param pollInterval how often a screen is looked at when no change notification arrives
   * @param probeEnabled whether the probe may be sent to an agent whose state is unclear
   * @param probeAfter how long a screen must stay unclear before probing
   * @param probeTimeout how long to wait for the probe's echo
   * @param idleStability how long output must stay unchanged to count as idle
   * @param autoConfirm whether CAM answers permission prompts by default
   * @param confirmCooldown minimum time between two automatic answers to the same agent
   * @param lostContactLimit how long an agent's session may be unreachable (an SSH connection cut)
   *     before the agent is failed
   */
  public record Monitor(
      Duration pollInterval,
      boolean probeEnabled,
      Duration probeAfter,
      Duration probeTimeout,
      Duration idleStability,
      boolean autoConfirm,
      Duration confirmCooldown,
      Duration lostContactLimit) {}

  /**
   * {@code [retry]}: what happens after a failed attempt.
   *
   * @param max retries of an agent when its command gives none
   * @param backoffInitial wait before the first retry
   * @param backoffMax the longest wait
   * @param backoffMultiplier growth of the wait from one retry to the next
   */
  public record Retry(
      int max, Duration backoffInitial, Duration backoffMax, double backoffMultiplier) {
    /** The wait before retry number {@code retry} (1 for the first), capped at the maximum. */
    public Duration backoff(int retry) {
      double millis =
          backoffInitial.toMillis() * Math.pow(backoffMultiplier, Math.max(0, retry - 1));
      return millis >= backoffMax.toMillis() ? backoffMax : Duration.ofMillis((long) millis);
    }
  }

  /**
   * {@code [server]}: the REST/WebSocket server, and the one commands talk to.
   *
   * @param host address to bind
   * @param port port to bind (0 for any free port)
   * @param token API token, or {@code null} to use the one kept in the config directory
   * @param corsOrigins browser origins allowed to call the API
   * @param healthOpen whether {@code /api/system/health} answers without a token
   * @param url a server commands go through instead of the local store, or {@code null}
   */
  public record Server(
      String host,
      int port,
      String token,
      List<String> corsOrigins,
      boolean healthOpen,
      String url) {
    public Server {
      corsOrigins = List.copyOf(corsOrigins);
    }

    @Override
    public String toString() {
      return "Server[host="
          + host
          + ", port="
          + port
          + ", token="
          + (token == null ? null : "****")
          + ", corsOrigins="
          + corsOrigins
          + ", healthOpen="
          + healthOpen
          + ", url="
          + url
          + "]";
    }
  }

  /**
   * {@code [relay]}: the link from this server to a relay.
   *
   * @param url relay address, or {@code null}
   * @param enabled whether {@code cam serve} connects to it
   */
  public record Relay(String url, boolean enabled) {}

  /**
   * {@code [tools.<id>]}: overrides for one tool; unset values leave the adapter's own defaults.
   *
   * @param id tool id
   * @param command executable to run, or {@code null} for the adapter's default
   * @param args extra arguments
   * @param enabled whether the tool may be used
   * @param env extra environment for the tool
   * @param autoConfirm overrides {@link Monitor#autoConfirm()} for this tool, or {@code null}
   */
  public record Tool(
      String id,
      String command,
      List<String> args,
      boolean enabled,
      Map<String, String> env,
      Boolean autoConfirm) {
    public Tool {
      Objects.requireNonNull(id, "id");
      args = List.copyOf(args);
      env = Map.copyOf(env);
    }
  }
}
