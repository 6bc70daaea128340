package dev.cam.plugin.generic;

import dev.cam.api.AgentState;
import java.util.List;

/**
 * Everything a tool's screen can say, as rules. Lists are in priority order: the first rule that
 * matches wins. Immutable and thread-safe.
 *
 * @param ready the tool waits for a task (any match)
 * @param busy the tool is working (any match)
 * @param completed the tool says the task is done (any match)
 * @param busyState state reported when busy and no state rule matches
 * @param states what the tool does while busy
 * @param prompts questions it waits on
 * @param failures screens that stop the run
 */
public record ScreenRules(
    List<Match> ready,
    List<Match> busy,
    List<Match> completed,
    AgentState busyState,
    List<StateRule> states,
    List<PromptRule> prompts,
    List<FailureRule> failures) {
  public ScreenRules {
    ready = List.copyOf(ready);
    busy = List.copyOf(busy);
    completed = List.copyOf(completed);
    states = List.copyOf(states);
    prompts = List.copyOf(prompts);
    failures = List.copyOf(failures);
  }
}
