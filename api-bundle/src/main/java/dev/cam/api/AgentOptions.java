package dev.cam.api;

import java.time.Duration;
import java.util.Map;

/**
 * How an agent should be run and watched.
 *
 * @param timeout total time allowed, or {@code null} for none
 * @param idleTimeout time without screen change or signal before the agent times out, or {@code
 *     null}
 * @param retries how many more attempts after a failure (0 = none)
 * @param autoConfirm whether CAM may answer the tool's permission and trust prompts
 * @param env extra environment for the tool, copied
 */
public record AgentOptions(
    Duration timeout,
    Duration idleTimeout,
    int retries,
    boolean autoConfirm,
    Map<String, String> env) {
  /** No timeouts, no retries, auto-confirm on, no extra environment. */
  public static final AgentOptions DEFAULTS = new AgentOptions(null, null, 0, true, Map.of());

  public AgentOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new InvalidInputException("timeout must be positive, e.g. 30m");
    }
    if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
      throw new InvalidInputException("idle timeout must be positive, e.g. 5m");
    }
    if (retries < 0) {
      throw new InvalidInputException("retries must be 0 or more");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
  }
}
