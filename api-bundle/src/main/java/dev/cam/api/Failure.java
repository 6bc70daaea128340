package dev.cam.api;

/**
 * A screen or signal that means the tool cannot go on by itself.
 *
 * @param reason what happened, e.g. "Claude Code is not logged in"
 * @param hint what to do, e.g. "run 'claude' once and log in with /login"
 * @param status FAILED when the run is over, WAITING when a person can fix it in the session
 */
public record Failure(String reason, String hint, AgentStatus status) {
  public Failure {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("failure reason is required");
    }
    if (status != AgentStatus.FAILED && status != AgentStatus.WAITING) {
      throw new IllegalArgumentException("failure status must be FAILED or WAITING");
    }
  }

  /** Reason and hint in one line. */
  public String message() {
    return hint == null || hint.isBlank() ? reason : reason + ": " + hint;
  }
}
