package dev.cam.plugin.codex;

import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.generic.RuleBasedToolAdapter;
import dev.cam.plugin.generic.RuleBook;
import dev.cam.plugin.generic.RulesLoader;
import java.nio.file.Path;
import org.pf4j.Extension;

/** Codex CLI, entirely from its rules in {@code rules.toml}; a user file may override them. */
// Names ToolAdapter again: PF4J's processor looks at the directly implemented interfaces.
@Extension
public class CodexToolAdapter extends RuleBasedToolAdapter implements ToolAdapter {
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
}
