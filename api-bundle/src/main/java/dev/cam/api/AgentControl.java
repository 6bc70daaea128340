package dev.cam.api;

import java.util.List;

/**
 * Starts and drives agents: the operations behind {@code cam run/stop/kill/retry/input} and the
 * REST API. Ids may be given as any unique prefix ({@link Agents#find}).
 *
 * <p>Threading: safe from any thread. Every agent started here is watched by exactly one monitor
 * across all CAM processes sharing a store (a lease decides which); {@link #adopt()} takes over
 * agents whose monitor went away.
 *
 * @throws NotFoundException (from every method taking an id) when no agent matches
 * @throws AmbiguousIdException when a prefix matches several agents
 */
public interface AgentControl {
  /**
   * Records the agent, creates its session and starts watching it. Returns as soon as the session
   * exists (status STARTING); the monitor then waits for readiness and delivers the prompt.
   *
   * @throws InvalidInputException for an unknown tool, context or machine without transport
   */
  Agent run(RunRequest request);

  /**
   * What {@link #run} would start for this request, checked the same way, with nothing recorded or
   * started ({@code cam run --dry-run}).
   *
   * @throws InvalidInputException as {@link #run} would
   * @throws UnsupportedOperationException when this control cannot plan runs
   */
  default LaunchPlan plan(RunRequest request) {
    throw new UnsupportedOperationException("this CAM process cannot plan runs");
  }

  /**
   * Ends the agent gracefully: sends the tool's own exit keys, waits a grace period, then kills the
   * session. Status becomes KILLED. Harmless for an agent that already ended.
   */
  Agent stop(String id);

  /** Kills the session at once. Status becomes KILLED. Harmless for an ended agent. */
  Agent kill(String id);

  /**
   * Starts a new attempt of an ended agent (same id, attempt + 1).
   *
   * @throws InvalidInputException when the agent is still active
   */
  Agent retry(String id);

  /**
   * Types text into a running agent's session, optionally followed by Enter.
   *
   * @throws InvalidInputException when the agent has no live session
   */
  void send(String id, String text, boolean enter);

  /** Sends keys ({@link Transport#sendKeys} names) to a running agent's session. */
  void keys(String id, List<String> keys);

  /** The agent's screen with up to {@code lines} lines of scrollback above it. */
  Screen output(String id, int lines);

  /**
   * Takes over every active agent whose monitor lease is free or expired: live sessions are watched
   * again, dead ones are finalized as FAILED.
   *
   * @return the agents taken over
   */
  List<Agent> adopt();

  /**
   * Stops watching every agent this control watches and gives up their leases, leaving their
   * sessions running, so another CAM process adopts them at once instead of after the lease
   * expires. For a process about to exit (Ctrl-C during {@code cam run}); afterwards this control
   * watches nothing. Harmless when it watches nothing.
   */
  default void release() {}
}
