package dev.cam.plugin.claude;

import dev.cam.api.Detection;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.generic.RuleBasedToolAdapter;
import dev.cam.plugin.generic.RuleBook;
import dev.cam.plugin.generic.RulesLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Claude Code: screen rules from {@code rules.toml}, plus what data can't say: the {@code
 * --settings} hooks that report each event of the session as a structured signal.
 */
// Names ToolAdapter again: PF4J's processor looks at the directly implemented interfaces.
@Extension
public class ClaudeToolAdapter extends RuleBasedToolAdapter implements ToolAdapter {
  private final ClaudeSignals signals = new ClaudeSignals();

  public ClaudeToolAdapter(PlatformContext context) {
    this(context.configDir());
  }

  /** For tests: rules from the built-in resource and {@code <configDir>/tools/claude.toml}. */
  public ClaudeToolAdapter(Path configDir) {
    super(
        new RuleBook(
            new RulesLoader(),
            "claude",
            ClaudeToolAdapter.class.getResource("rules.toml"),
            configDir.resolve("tools").resolve("claude.toml")));
  }

  /** The rules' command line with {@code --settings} hooks added (merged with the user's own). */
  @Override
  public LaunchSpec launch(LaunchRequest request) {
    LaunchSpec spec = super.launch(request);
    List<String> command = new ArrayList<>(spec.command());
    command.add(1, "--settings");
    command.add(2, ClaudeHooks.settingsJson());
    return new LaunchSpec(command, spec.env(), spec.promptOnCommandLine());
  }

  @Override
  public Optional<Detection> readSignal(String line) {
    return signals.read(line);
  }
}
