package dev.cam.api;

import java.util.Objects;

/**
 * What {@link AgentControl#run} would start, worked out without recording or starting anything: the
 * agent as it would be recorded (options resolved against the configuration) and the launch with
 * the tool's {@code [tools.<id>]} section applied and the session's whole environment.
 *
 * @param agent the agent that would be recorded; its id is a placeholder, never stored
 * @param launch the command that would run, and every variable the session would get (values may be
 *     secrets: show names only)
 */
public record LaunchPlan(Agent agent, LaunchSpec launch) {
  public LaunchPlan {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(launch, "launch");
  }
}
