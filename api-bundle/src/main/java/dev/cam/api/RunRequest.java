package dev.cam.api;

import java.util.Objects;

/**
 * An agent to start.
 *
 * @param tool tool adapter id, e.g. {@code "claude"}
 * @param prompt the task for the tool; may be empty for an interactive session
 * @param context context name whose directory and machine are used, or {@code null}
 * @param cwd working directory when no context is given; ignored when {@code context} is set
 * @param machine where to run when no context is given; {@code null} for this machine
 * @param name human name, or {@code null}
 * @param options timeouts, retries, auto-confirm and environment; {@code null} for {@link
 *     AgentOptions#UNSET}, so the configuration decides
 */
public record RunRequest(
    String tool,
    String prompt,
    String context,
    String cwd,
    Machine machine,
    String name,
    AgentOptions options) {
  public RunRequest {
    if (tool == null || tool.isBlank()) {
      throw new InvalidInputException("a tool is required, e.g. claude");
    }
    if (context == null && (cwd == null || cwd.isBlank())) {
      throw new InvalidInputException("give a context or a working directory to run in");
    }
    prompt = prompt == null ? "" : prompt;
    machine = Objects.requireNonNullElse(machine, Machine.LOCAL);
    options = Objects.requireNonNullElse(options, AgentOptions.UNSET);
  }
}
