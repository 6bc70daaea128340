package dev.cam.platform.monitor;

import dev.cam.api.EventTypes;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Answers prompts the agent may have answered: sends the adapter's keys through the {@link
 * ConfirmGate} and records each answer as {@code auto_confirm}. Not thread-safe: owned by one
 * monitor.
 */
final class PromptAnswers {
  private final ConfirmGate gate;
  private final Transport transport;
  private final SessionRef session;
  private final AgentJournal journal;

  /** The prompt on screen (kind and text), and when it may be answered: its own settle time. */
  private String shown;

  private Instant due;

  PromptAnswers(Duration cooldown, Transport transport, SessionRef session, AgentJournal journal) {
    this.gate = new ConfirmGate(cooldown);
    this.transport = transport;
    this.session = session;
    this.journal = journal;
  }

  /** Answers unless the prompt is still settling or was just answered; true when it did. */
  boolean answer(String agentId, PromptMatch prompt, Screen screen, Instant now, boolean settled) {
    if (!settled || gate.coolingDown(prompt, screen, now)) {
      return false;
    }
    transport.sendKeys(session, prompt.answer());
    gate.answered(prompt, screen, now);
    journal.event(
        agentId,
        EventTypes.AUTO_CONFIRM,
        Map.of("kind", prompt.kind(), "text", prompt.text(), "keys", prompt.answer()));
    return true;
  }

  /** Whether the prompt has been on screen for its own settle time ({@link PromptMatch#settle}). */
  boolean shownLongEnough(PromptMatch prompt, Instant now) {
    String question = prompt.kind() + "\n" + prompt.text();
    if (!question.equals(shown)) {
      shown = question;
      due = now.plus(prompt.settle());
    }
    return !now.isBefore(due);
  }

  /** Time until the prompt on screen may be answered, or {@code null} when none waits. */
  Duration untilDue(Instant now) {
    return due == null ? null : Duration.between(now, due);
  }

  /** The screen moved on: the next prompt is a new question. */
  void cleared() {
    gate.cleared();
    shown = null;
    due = null;
  }

  /** Time until the cooldown ends, or {@code null} when none runs. */
  Duration untilCool(Instant now) {
    return gate.untilCool(now);
  }

  /** The agent's exit reason while a person must answer. */
  static String waitingReason(PromptMatch prompt) {
    String text = prompt.text().strip();
    int nl = text.indexOf('\n');
    return "waiting for an answer to a "
        + prompt.kind()
        + " prompt: "
        + (nl < 0 ? text : text.substring(0, nl));
  }
}
