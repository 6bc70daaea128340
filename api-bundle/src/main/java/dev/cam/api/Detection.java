package dev.cam.api;

/**
 * What a tool adapter reads from one screen.
 *
 * @param state what the tool is doing, or {@link AgentState#UNKNOWN}
 * @param ready the tool shows its input prompt and waits for a task
 * @param busy the tool shows that it is working (spinner, "esc to interrupt")
 * @param prompt a question the tool waits on, or {@code null}
 * @param completed the tool says it finished the task
 * @param failure a failure screen, or {@code null}
 */
public record Detection(
    AgentState state,
    boolean ready,
    boolean busy,
    PromptMatch prompt,
    boolean completed,
    Failure failure) {
  /** Nothing recognised. */
  public static final Detection NOTHING =
      new Detection(AgentState.UNKNOWN, false, false, null, false, null);

  public Detection {
    state = state == null ? AgentState.UNKNOWN : state;
  }
}
