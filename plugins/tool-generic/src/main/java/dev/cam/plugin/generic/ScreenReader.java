package dev.cam.plugin.generic;

import dev.cam.api.AgentState;
import dev.cam.api.Detection;
import dev.cam.api.Failure;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.plugin.generic.internal.Window;
import java.util.List;

/**
 * Applies {@link ScreenRules} to a screen. Pure and quick: no I/O, no state between calls, patterns
 * compiled once in the rules; safe to call from many monitor threads at once.
 *
 * <p>Order: a failure wins over a prompt, a prompt over busy, busy over ready. {@code ready} is
 * only reported when nothing else holds, because most TUIs keep their input box on screen while
 * they work.
 */
public final class ScreenReader {
  private final ScreenRules rules;

  public ScreenReader(ScreenRules rules) {
    this.rules = rules;
  }

  public Detection read(Screen screen) {
    Window window = new Window(screen.lines());
    Failure failure = firstFailure(window);
    PromptMatch prompt = failure == null ? firstPrompt(window) : null;
    boolean busy = any(rules.busy(), window);
    boolean ready = failure == null && prompt == null && !busy && any(rules.ready(), window);
    boolean completed = any(rules.completed(), window);
    return new Detection(
        state(window, prompt, busy, ready), ready, busy, prompt, completed, failure);
  }

  private AgentState state(Window window, PromptMatch prompt, boolean busy, boolean ready) {
    if (prompt != null) {
      return promptState(prompt);
    }
    if (busy) {
      for (StateRule rule : rules.states()) {
        if (rule.match().test(window.text(rule.match().lines()))) {
          return rule.state();
        }
      }
      return rules.busyState();
    }
    return ready ? AgentState.IDLE : AgentState.UNKNOWN;
  }

  private AgentState promptState(PromptMatch prompt) {
    for (PromptRule rule : rules.prompts()) {
      if (rule.kind().equals(prompt.kind())) {
        return rule.state();
      }
    }
    return AgentState.WAITING_PERMISSION;
  }

  private Failure firstFailure(Window window) {
    for (FailureRule rule : rules.failures()) {
      if (rule.match().test(window.text(rule.match().lines()))) {
        return rule.failure();
      }
    }
    return null;
  }

  private PromptMatch firstPrompt(Window window) {
    for (PromptRule rule : rules.prompts()) {
      int size = rule.match().lines();
      if (rule.match().test(window.text(size))) {
        List<String> lines = window.lines(size);
        return new PromptMatch(
            rule.kind(), window.text(size).strip(), Answers.of(rule, lines), rule.settle());
      }
    }
    return null;
  }

  private static boolean any(List<Match> matches, Window window) {
    for (Match m : matches) {
      if (m.test(window.text(m.lines()))) {
        return true;
      }
    }
    return false;
  }
}
