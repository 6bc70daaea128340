package dev.cam.api;

import java.util.regex.Pattern;

/**
 * What an agent is doing right now, as far as its screen or signals tell. An open set: the
 * constants are the common states, and a tool adapter may report others (lower-case words joined by
 * underscores).
 *
 * @param name lower-case identifier such as {@code "editing"}
 */
public record AgentState(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  public static final AgentState INITIALIZING = new AgentState("initializing");
  public static final AgentState PLANNING = new AgentState("planning");
  public static final AgentState THINKING = new AgentState("thinking");
  public static final AgentState READING = new AgentState("reading");
  public static final AgentState EDITING = new AgentState("editing");
  public static final AgentState TESTING = new AgentState("testing");
  public static final AgentState COMMITTING = new AgentState("committing");
  public static final AgentState WAITING_PERMISSION = new AgentState("waiting_permission");
  public static final AgentState WAITING_INPUT = new AgentState("waiting_input");
  public static final AgentState IDLE = new AgentState("idle");
  public static final AgentState UNKNOWN = new AgentState("unknown");

  public AgentState {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "agent state '" + name + "' is not valid: use lower-case letters, digits and '_'");
    }
  }

  public static AgentState of(String name) {
    return new AgentState(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
