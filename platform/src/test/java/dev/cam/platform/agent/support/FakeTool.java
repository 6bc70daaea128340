package dev.cam.platform.agent.support;

import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Detection;
import dev.cam.api.Failure;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool adapter of {@code fake-agent.sh}, in plain regexes. Its permission rule is deliberately
 * loose (it matches a numbered list anywhere), so the monitor's own checks are what keeps a list in
 * the output from being answered.
 */
public final class FakeTool implements ToolAdapter {
  private static final Pattern PERMISSION = Pattern.compile("❯ 1\\. Yes\\n\\s*2\\. No");
  private static final Pattern TRUST =
      Pattern.compile(
          "Do you trust the files in this folder\\?\\n❯ 1\\. Yes, proceed\\n\\s*2\\. No, exit");

  /** The fake agent's script file. */
  public static Path script() {
    try {
      return Path.of(FakeTool.class.getResource("fake-agent.sh").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String id() {
    return "fake";
  }

  @Override
  public LaunchSpec launch(LaunchRequest request) {
    return new LaunchSpec(List.of("bash", script().toString()), Map.of(), false);
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
    String last = screen.lastNonBlankLine().strip();
    boolean busy = last.contains("esc to interrupt");
    boolean ready = last.equals(">");
    boolean completed = text.contains("✔ Task complete") && ready;
    AgentState state =
        prompt != null
            ? AgentState.WAITING_PERMISSION
            : busy ? AgentState.THINKING : AgentState.UNKNOWN;
    return new Detection(state, ready, busy, prompt, completed, null);
  }

  @Override
  public List<String> probeKeys() {
    return List.of("x");
  }

  private static PromptMatch lastMatch(Pattern pattern, String text, String kind) {
    Matcher m = pattern.matcher(text);
    String found = null;
    while (m.find()) {
      found = m.group();
    }
    return found == null ? null : new PromptMatch(kind, found, List.of("1"));
  }
}
