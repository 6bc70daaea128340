package dev.cam.platform.monitor;

import dev.cam.api.Agent;
import java.time.Duration;
import java.time.Instant;

/** The agent's total and idle timeouts, as the reason an attempt ends, if one has passed. */
final class Timeouts {
  private Timeouts() {}

  /** Why the attempt times out now, or {@code null} while neither timeout has passed. */
  static String exceeded(Agent agent, Instant lastActivity, Instant now) {
    Duration total = agent.options().timeout();
    if (total != null
        && agent.startedAt() != null
        && !now.isBefore(agent.startedAt().plus(total))) {
      return "ran longer than its timeout of " + total;
    }
    Duration idle = agent.options().idleTimeout();
    if (idle != null && !now.isBefore(lastActivity.plus(idle))) {
      return "no output or input for " + idle + " (idle timeout)";
    }
    return null;
  }
}
