package dev.cam.api;

/**
 * Where an agent is in its life. {@link #isTerminal()} statuses never change again except through
 * an explicit retry, which creates a new attempt.
 */
public enum AgentStatus {
  /** Recorded, not started yet. */
  PENDING,
  /** Session created; waiting for the tool to become ready and take the prompt. */
  STARTING,
  /** The tool has the prompt and is working. */
  RUNNING,
  /** The tool waits for a person: a permission prompt CAM may not answer, or a question. */
  WAITING,
  /** The tool finished its work. */
  COMPLETED,
  /** The tool failed, or its session vanished; see the agent's exit reason. */
  FAILED,
  /** The total or idle timeout ran out. */
  TIMEOUT,
  /** Stopped or killed on request. */
  KILLED,
  /** A failed attempt is waiting for its backoff before the next one. */
  RETRYING;

  /** True for COMPLETED, FAILED, TIMEOUT and KILLED. */
  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == TIMEOUT || this == KILLED;
  }

  /** Lower-case name as used in JSON, the CLI and the store. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a wire name case-insensitively; the error lists the allowed values. */
  public static AgentStatus parse(String text) {
    for (AgentStatus s : values()) {
      if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return s;
      }
    }
    throw new InvalidInputException(
        "unknown status '"
            + text
            + "': use one of pending, starting, running, waiting, completed, failed, timeout,"
            + " killed, retrying");
  }
}
