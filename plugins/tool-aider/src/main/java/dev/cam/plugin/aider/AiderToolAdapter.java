package dev.cam.plugin.aider;

import dev.cam.api.PlatformContext;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.generic.RuleBasedToolAdapter;
import dev.cam.plugin.generic.RuleBook;
import dev.cam.plugin.generic.RulesLoader;
import java.nio.file.Path;
import org.pf4j.Extension;

/** Aider, entirely from its rules in {@code rules.toml}; a user file may override them. */
// Names ToolAdapter again: PF4J's processor looks at the directly implemented interfaces.
@Extension
public class AiderToolAdapter extends RuleBasedToolAdapter implements ToolAdapter {
  public AiderToolAdapter(PlatformContext context) {
    this(context.configDir());
  }

  /** For tests: rules from the built-in resource and {@code <configDir>/tools/aider.toml}. */
  public AiderToolAdapter(Path configDir) {
    super(
        new RuleBook(
            new RulesLoader(),
            "aider",
            AiderToolAdapter.class.getResource("rules.toml"),
            configDir.resolve("tools").resolve("aider.toml")));
  }
}
