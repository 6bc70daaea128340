package dev.cam.platform.monitor;

import dev.cam.api.Agent;
import java.time.Duration;
import java.time.Instant;

/**
 * When a monitor must look again even if nothing happens: the next moment a decision could change
 * (a prompt settles, a ready screen has been still long enough to count as finished, a probe is due
 * or in flight, a throttled output may go out, a timeout runs out).
 */
final class Wakeups {
  /** How often a probe in flight looks for its echo. */
  static final Duration PROBE_CHECK = Duration.ofMillis(40);

  private Wakeups() {}

  /** The delay until the earliest such moment, or {@code null} when there is none. */
  static Duration next(
      MonitorSettings settings,
      ScreenStability stability,
      Agent agent,
      Instant lastActivity,
      boolean probing,
      Outputs outputs,
      Instant now) {
    Duration next = probing ? PROBE_CHECK : null;
    next = earliest(next, outputs.untilDue(now));
    next = earliest(next, stability.until(settings.promptSettle(), now));
    next = earliest(next, stability.until(settings.waitingSettle(), now));
    next = earliest(next, stability.until(settings.idleStability(), now));
    if (settings.probeEnabled()) {
      next = earliest(next, stability.until(settings.probeAfter(), now));
    }
    if (agent.options().timeout() != null && agent.startedAt() != null) {
      next = earliest(next, left(agent.startedAt().plus(agent.options().timeout()), now));
    }
    if (agent.options().idleTimeout() != null && lastActivity != null) {
      next = earliest(next, left(lastActivity.plus(agent.options().idleTimeout()), now));
    }
    return next;
  }

  private static Duration left(Instant deadline, Instant now) {
    return Duration.between(now, deadline);
  }

  /** The smaller of two delays, ignoring {@code null} and deadlines already passed. */
  static Duration earliest(Duration a, Duration b) {
    if (b == null || b.isZero() || b.isNegative()) {
      return a;
    }
    return a == null || b.compareTo(a) < 0 ? b : a;
  }
}
