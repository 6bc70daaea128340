package dev.cam.platform.store;

import dev.cam.api.Agent;
import dev.cam.api.AgentStatus;
import dev.cam.api.Machine;
import java.time.Instant;

/** Test agents. */
final class Agents {
  private Agents() {}

  static Agent agent(String id, AgentStatus status, String tool, String context, Instant created) {
    return new Agent(
        id,
        null,
        tool,
        context,
        Machine.LOCAL,
        "/work",
        "do it",
        status,
        null,
        "tmux",
        null,
        created,
        null,
        null,
        null,
        1,
        null);
  }
}
