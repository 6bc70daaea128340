package dev.cam.plugin.api.e2e;

import dev.cam.api.AgentState;
import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.tmux.testkit.FakeAgent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Tool {@code fake}: the test kit's {@link FakeAgent} running the script named by the agent's
 * {@code FAKE_SCRIPT} variable. A system extension on the test class path, so the real kernel's
 * agent control finds it beside the real tmux transport.
 */
@Extension
public final class FakeApiTool implements ToolAdapter {
  @Override
  public String id() {
    return "fake";
  }

  @Override
  public LaunchSpec launch(LaunchRequest request) {
    String script = request.agent().options().env().get("FAKE_SCRIPT");
    return new LaunchSpec(FakeAgent.command(Path.of(script), null), Map.of(), false);
  }

  @Override
  public Detection read(Screen screen) {
    String text = screen.text();
    boolean busy = text.contains("esc to interrupt");
    // the prompt box is drawn only while the agent waits for a task; an answered permission
    // dialog stays on the screen above it
    boolean ready = !busy && text.contains("│ ❯");
    if (!busy && !ready && text.contains("Do you want to proceed?") && text.contains("❯ 1. Yes")) {
      PromptMatch prompt = new PromptMatch("permission", "Do you want to proceed?", List.of("1"));
      return new Detection(AgentState.WAITING_PERMISSION, false, false, prompt, false, null);
    }
    boolean completed = ready && text.contains("Worked for");
    AgentState state = busy ? AgentState.THINKING : ready ? AgentState.IDLE : AgentState.UNKNOWN;
    return new Detection(state, ready, busy, null, completed, null);
  }

  @Override
  public Optional<String> installedVersion() {
    return Optional.of("1.0.0");
  }
}
