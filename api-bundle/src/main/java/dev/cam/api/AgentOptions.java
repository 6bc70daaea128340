package dev.cam.api;

import java.time.Duration;
import java.util.Map;

/**
 * How an agent should be run and watched. In a {@link RunRequest}, {@code retries} and {@code
 * autoConfirm} may be {@code null}: unset, so the agent manager takes them from the configuration
 * ({@code tools.<id>.auto_confirm}, then {@code monitor.auto_confirm}; {@code retry.max}) and
 * finally from {@link #DEFAULTS}. The options of an {@link Agent} the manager runs are always
 * resolved: neither is {@code null} there.
 *
 * @param timeout total time allowed, or {@code null} for none
 * @param idleTimeout time without screen change or signal before the agent times out, or {@code
 *     null}
 * @param retries how many more attempts after a failure (0 = none), or {@code null} when unset
 * @param autoConfirm whether CAM may answer the tool's permission and trust prompts, or {@code
 *     null} when unset
 * @param env extra environment for the tool, copied
 */
public record AgentOptions(
    Duration timeout,
    Duration idleTimeout,
    Integer retries,
    Boolean autoConfirm,
    Map<String, String> env) {
  /** The built-in defaults: no timeouts, no retries, auto-confirm on, no extra environment. */
  public static final AgentOptions DEFAULTS = new AgentOptions(null, null, 0, true, Map.of());

  /** Nothing chosen: every value comes from the configuration or the built-in defaults. */
  public static final AgentOptions UNSET = new AgentOptions(null, null, null, null, Map.of());

  public AgentOptions {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new InvalidInputException("timeout must be positive, e.g. 30m");
    }
    if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
      throw new InvalidInputException("idle timeout must be positive, e.g. 5m");
    }
    if (retries != null && retries < 0) {
      throw new InvalidInputException("retries must be 0 or more");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /**
   * These options with unset {@code retries} and {@code autoConfirm} taken from {@code fallback}.
   * Timeouts and environment are kept as they are ({@code null} timeouts mean "none", not unset).
   *
   * @param fallback where unset values come from; its own unset values stay unset
   */
  public AgentOptions orElse(AgentOptions fallback) {
    return new AgentOptions(
        timeout,
        idleTimeout,
        retries != null ? retries : fallback.retries(),
        autoConfirm != null ? autoConfirm : fallback.autoConfirm(),
        env);
  }
}
