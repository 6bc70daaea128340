package dev.cam.plugin.cli.agent;

import dev.cam.api.Config;
import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tool's {@code [tools.<id>]} section changes in its launch, as the agent manager applies it
 * (docs/configuration.md): {@code command} replaces the adapter's executable, {@code args} are
 * appended, {@code env} is merged over the adapter's, and the run's own {@code --env} wins.
 *
 * @param command the command line that would run
 * @param envKeys the names of the session's environment variables (values may be secrets)
 */
record ToolSection(List<String> command, Set<String> envKeys) {
  /** The variable CAM sets so CLIs don't turn headless when CAM itself runs in CI. */
  static final String CI = "CI";

  ToolSection {
    command = List.copyOf(command);
    envKeys = Set.copyOf(envKeys);
  }

  /**
   * Fails as {@code cam run} would when the tool is disabled.
   *
   * @throws InvalidInputException saying how to enable it
   */
  static void requireEnabled(Config config, String tool) {
    String prefix = "tools." + tool + ".";
    if (!config.get(prefix + "enabled").map(Boolean::parseBoolean).orElse(true)) {
      throw new InvalidInputException(
          "tool '"
              + tool
              + "' is disabled ("
              + prefix
              + "enabled = false, set in "
              + config.source(prefix + "enabled")
              + "): enable it with 'cam config set "
              + prefix
              + "enabled true'");
    }
  }

  /** The launch of {@code tool} with its section and the run's environment applied. */
  static ToolSection of(Config config, String tool, LaunchSpec adapters, Map<String, String> env) {
    String prefix = "tools." + tool + ".";
    List<String> command = new ArrayList<>(adapters.command());
    config
        .get(prefix + "command")
        .ifPresent(
            c -> {
              if (c.isBlank()) {
                throw new ConfigException(
                    config.source(prefix + "command"),
                    prefix + "command",
                    "is blank: name the executable, or reset the key");
              }
              command.set(0, c);
            });
    command.addAll(config.getList(prefix + "args"));
    Set<String> keys = new TreeSet<>(adapters.env().keySet());
    keys.add(CI);
    config.effective().keySet().stream()
        .filter(k -> k.startsWith(prefix + "env."))
        .forEach(k -> keys.add(k.substring((prefix + "env.").length())));
    keys.addAll(env.keySet());
    return new ToolSection(command, keys);
  }
}
