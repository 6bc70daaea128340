package dev.cam.api;

/**
 * What a tool adapter needs to build a launch: the agent to run.
 *
 * @param agent the agent (prompt, working directory, options)
 */
public record LaunchRequest(Agent agent) {
  public LaunchRequest {
    java.util.Objects.requireNonNull(agent, "agent");
  }
}
