package dev.cam.api;

import java.util.Locale;

/** Where a task of a running graph is, or the graph as a whole. */
public enum TaskStatus {
  /** Waiting for its dependencies (or, for a graph, not started). */
  PENDING,
  /** Its agent runs (a graph: some task is pending or running). */
  RUNNING,
  COMPLETED,
  FAILED,
  /** Never started because a dependency did not complete; see the reason. */
  SKIPPED;

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED || this == SKIPPED;
  }

  /** Lower-case name as used in JSON, the CLI and the store. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
