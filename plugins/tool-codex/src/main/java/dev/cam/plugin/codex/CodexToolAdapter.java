package dev.cam.plugin.codex;

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
 * Codex CLI: screen rules from {@code rules.toml} (a user file may override them), plus what data
 * can't say: a {@code notify} program that reports each completed turn as a structured signal.
 */
// Names ToolAdapter again: PF4J's processor looks at the directly implemented interfaces.
@Extension
public class CodexToolAdapter extends RuleBasedToolAdapter implements ToolAdapter {
  private final CodexSignals signals = new CodexSignals();

  public CodexToolAdapter(PlatformContext context) {
    this(context.configDir());
  }

  /** For tests: rules from the built-in resource and {@code <configDir>/tools/codex.toml}. */
  public CodexToolAdapter(Path configDir) {
    super(
        new RuleBook(
            new RulesLoader(),
            "codex",
            CodexToolAdapter.class.getResource("rules.toml"),
            configDir.resolve("tools").resolve("codex.toml")));
  }

  /** The rules' command line with the {@code notify} override right after the executable. */
  @Override
  public LaunchSpec launch(LaunchRequest request) {
    LaunchSpec spec = super.launch(request);
    List<String> command = new ArrayList<>(spec.command());
    command.addAll(1, CodexNotify.args());
    return new LaunchSpec(command, spec.env(), spec.promptOnCommandLine());
  }

  @Override
  public Optional<Detection> readSignal(String line) {
    return signals.read(line);
  }
}
