package dev.cam.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One coding agent run by CAM: a tool working on a prompt in a session.
 *
 * @param id unique id (lower-case hex); commands accept any unique prefix
 * @param name human name, or {@code null}
 * @param tool tool adapter id, e.g. {@code "claude"}
 * @param context context name, or {@code null} when run in a plain directory
 * @param machine where the session runs
 * @param cwd working directory of the tool on {@code machine}
 * @param prompt the task given to the tool
 * @param status life-cycle status
 * @param state what the tool is doing, as last detected
 * @param transport transport id holding the session, e.g. {@code "tmux"}
 * @param session session name inside the transport, or {@code null} before it exists
 * @param createdAt when the agent was recorded
 * @param startedAt when its current attempt started, or {@code null}
 * @param finishedAt when it reached a terminal status, or {@code null}
 * @param exitReason why it ended or waits, in words a person can act on, or {@code null}
 * @param attempt 1 for the first attempt, incremented by each retry
 * @param options how it is run; unset retries and auto-confirm (see {@link AgentOptions}) are taken
 *     from {@link AgentOptions#DEFAULTS}, so an agent's options are always resolved
 */
public record Agent(
    String id,
    String name,
    String tool,
    String context,
    Machine machine,
    String cwd,
    String prompt,
    AgentStatus status,
    AgentState state,
    String transport,
    String session,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String exitReason,
    int attempt,
    AgentOptions options) {

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    machine = machine == null ? Machine.LOCAL : machine;
    state = state == null ? AgentState.INITIALIZING : state;
    prompt = prompt == null ? "" : prompt;
    options = options == null ? AgentOptions.DEFAULTS : options.orElse(AgentOptions.DEFAULTS);
    if (attempt < 1) {
      throw new InvalidInputException("attempt must be 1 or more");
    }
  }

  /** The first 8 characters of the id, as shown in tables and session names. */
  public String shortId() {
    return id.length() <= 8 ? id : id.substring(0, 8);
  }

  public Agent withStatus(AgentStatus newStatus, String reason, Instant at) {
    Instant finished = newStatus.isTerminal() ? at : null;
    return new Agent(
        id, name, tool, context, machine, cwd, prompt, newStatus, state, transport, session,
        createdAt, startedAt, finished, reason, attempt, options);
  }

  public Agent withState(AgentState newState) {
    return new Agent(
        id,
        name,
        tool,
        context,
        machine,
        cwd,
        prompt,
        status,
        newState,
        transport,
        session,
        createdAt,
        startedAt,
        finishedAt,
        exitReason,
        attempt,
        options);
  }

  public Agent withSession(String newTransport, String newSession, Instant started) {
    return new Agent(
        id,
        name,
        tool,
        context,
        machine,
        cwd,
        prompt,
        status,
        state,
        newTransport,
        newSession,
        createdAt,
        started,
        finishedAt,
        exitReason,
        attempt,
        options);
  }

  /** A fresh attempt: status PENDING, no session, attempt + 1. */
  public Agent nextAttempt() {
    return new Agent(
        id,
        name,
        tool,
        context,
        machine,
        cwd,
        prompt,
        AgentStatus.PENDING,
        AgentState.INITIALIZING,
        transport,
        null,
        createdAt,
        null,
        null,
        null,
        attempt + 1,
        options);
  }
}
