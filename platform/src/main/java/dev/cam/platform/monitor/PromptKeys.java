package dev.cam.platform.monitor;

import dev.cam.api.Detection;
import dev.cam.api.EventTypes;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.ToolAdapter;
import dev.cam.api.Transport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys that deliver an agent's prompt: the typed text, the Enter that submits it, and an Enter
 * pressed again; each recorded as an {@code input} event. Not thread-safe: owned by one monitor.
 */
final class PromptKeys {
  private final String agentId;
  private final String prompt;
  private final Transport transport;
  private final SessionRef session;
  private final ToolAdapter adapter;
  private final AgentJournal journal;

  PromptKeys(
      String agentId,
      String prompt,
      Transport transport,
      SessionRef session,
      ToolAdapter adapter,
      AgentJournal journal) {
    this.agentId = agentId;
    this.prompt = prompt;
    this.transport = transport;
    this.session = session;
    this.adapter = adapter;
    this.journal = journal;
  }

  /** Types the prompt into the input box; the Enter follows after the submit pause. */
  void type() {
    transport.sendText(session, prompt);
  }

  /**
   * Presses Enter on the typed prompt, unless a dialog came up over the input box meanwhile: that
   * Enter would answer the dialog with whatever option its cursor is on. Returns whether it did.
   *
   * @param retry how often the prompt was sent again before (0 the first time)
   */
  boolean submit(int retry) {
    boolean covered = dialogShown();
    Map<String, Object> detail = new HashMap<>();
    detail.put("text", prompt);
    detail.put("enter", !covered);
    detail.put("by", "cam");
    if (retry > 0) {
      detail.put("retry", retry);
    }
    journal.event(agentId, EventTypes.INPUT, detail);
    if (!covered) {
      transport.sendKeys(session, List.of("Enter"));
    }
    return !covered;
  }

  /** Presses Enter again on a prompt the tool left in its input box. */
  void enterAgain(int retry) {
    journal.event(
        agentId,
        EventTypes.INPUT,
        Map.of(
            "keys",
            List.of("Enter"),
            "by",
            "cam",
            "retry",
            retry,
            "reason",
            "the prompt was still in the input box"));
    transport.sendKeys(session, List.of("Enter"));
  }

  /** Whether the screen shows a question at its bottom instead of the input box. */
  private boolean dialogShown() {
    try {
      Screen screen = transport.capture(session, 0, false);
      Detection d = adapter.read(screen);
      return d.prompt() != null && !d.ready() && ConfirmGate.atBottom(d.prompt(), screen);
    } catch (RuntimeException e) {
      return false; // can't tell: submit as usual
    }
  }
}
