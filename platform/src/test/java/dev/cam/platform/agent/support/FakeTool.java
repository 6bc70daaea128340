package dev.cam.platform.agent.support;

import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Failure;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool adapter of the test kit's {@link FakeAgent}, in plain regexes. Its permission rule is
 * deliberately loose (it matches a numbered list anywhere), so the monitor's own checks are what
 * keeps a list in the output from being answered. Like a menu rule, it answers only once the {@code
 * ❯} cursor is on an option; without one the question is not answerable (yet).
 *
 * <p>The agent's environment names the script: {@value #SCRIPT} (a file), {@value #RETRY_SCRIPT}
 * for attempts after the first, {@value #JOURNAL} for the fake agent's journal file.
 *
 * <p>Signals are JSON lines {@code {"event":"stop"}} (the turn is over) and {@code
 * {"event":"busy"}}.
 */
public final class FakeTool implements ToolAdapter {
  public static final String SCRIPT = "FAKE_SCRIPT";
  public static final String RETRY_SCRIPT = "FAKE_SCRIPT_RETRY";
  public static final String JOURNAL = "FAKE_JOURNAL";

  private static final Pattern PERMISSION =
      Pattern.compile("(?:❯ )?1\\. Yes[^\\n]*\\n\\s*(?:❯ )?2\\. No.*");

  /** A dialog saying "settle 700ms" is answered once it has been shown that long. */
  private static final Pattern SETTLE = Pattern.compile("settle (\\d+)ms");

  private static final Pattern TRUST =
      Pattern.compile("❯ 1\\. Yes, I trust this folder\\n\\s*2\\. No, exit");

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public LaunchSpec launch(LaunchRequest request) {
    Map<String, String> env = request.agent().options().env();
    String script = env.get(request.agent().attempt() > 1 ? RETRY_SCRIPT : SCRIPT);
    if (script == null) {
      script = env.get(SCRIPT);
    }
    if (script == null) {
      throw new InvalidInputException("the fake agent needs a script: set " + SCRIPT);
    }
    String journal = env.get(JOURNAL);
    List<String> command =
        FakeAgent.command(Path.of(script), journal == null ? null : Path.of(journal));
    return new LaunchSpec(command, Map.of(), false);
  }

  @Override
  public Detection read(Screen screen) {
    String text = screen.text();
    if (text.contains("Not logged in")) {
      Failure failure =
          new Failure(
              "the fake agent is not logged in", "run it once and log in", AgentStatus.FAILED);
      return new Detection(AgentState.UNKNOWN, false, false, null, false, failure);
    }
    PromptMatch prompt = lastMatch(TRUST, text, "trust");
    if (prompt == null) {
      prompt = lastMatch(PERMISSION, text, "permission");
    }
    Matcher settle = SETTLE.matcher(text);
    if (prompt != null && settle.find()) {
      prompt =
          new PromptMatch(
              prompt.kind(),
              prompt.text(),
              prompt.answer(),
              Duration.ofMillis(Long.parseLong(settle.group(1))));
    }
    boolean busy = screen.lastNonBlankLine().contains("esc to interrupt");
    boolean ready = inputBox(screen.lines());
    boolean completed = text.contains("✻ Worked for") && ready;
    AgentState state =
        prompt != null
            ? AgentState.WAITING_PERMISSION
            : busy ? AgentState.THINKING : AgentState.UNKNOWN;
    return new Detection(state, ready, busy, prompt, completed, null);
  }

  @Override
  public Optional<Detection> readSignal(String line) {
    if (line.contains("\"event\":\"stop\"")) {
      return Optional.of(new Detection(AgentState.IDLE, true, false, null, true, null));
    }
    if (line.contains("\"event\":\"busy\"")) {
      return Optional.of(new Detection(AgentState.THINKING, false, true, null, false, null));
    }
    return Optional.empty();
  }

  /**
   * Long enough for the fake agent's late dialog ({@code ready-then-trust}) to be up before the
   * Enter, even on a loaded machine.
   */
  @Override
  public Duration submitPause() {
    return Duration.ofMillis(250);
  }

  @Override
  public List<String> probeKeys() {
    return List.of("x");
  }

  @Override
  public List<String> exitKeys() {
    return List.of("Escape", "C-c");
  }

  /** The fake agent's input box, {@code │ ❯ … │}, among the last non-blank lines. */
  private static boolean inputBox(List<String> lines) {
    int seen = 0;
    for (int i = lines.size() - 1; i >= 0 && seen < 3; i--) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("│ ❯")) {
        return true;
      }
      seen++;
    }
    return false;
  }

  private static PromptMatch lastMatch(Pattern pattern, String text, String kind) {
    Matcher m = pattern.matcher(text);
    String found = null;
    while (m.find()) {
      found = m.group();
    }
    if (found == null) {
      return null;
    }
    return new PromptMatch(kind, found, found.contains("❯") ? List.of("1") : List.of());
  }
}
