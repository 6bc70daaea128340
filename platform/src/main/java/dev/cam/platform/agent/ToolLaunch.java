package dev.cam.platform.agent;

import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.LaunchSpec;
import dev.cam.platform.config.CamSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What {@code [tools.<id>]} changes in a tool's launch: {@code command} replaces the adapter's
 * executable, {@code args} are appended, {@code env} is merged over the adapter's environment (the
 * agent's own environment and CAM's variables still win over it). Values are checked here, when the
 * tool is launched, so a mistake in one tool's section never keeps CAM or the other tools from
 * working.
 */
final class ToolLaunch {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final CamSettings.Tool tool;
  private final UnaryOperator<String> sources;

  /**
   * @param tool the tool's section
   * @param sources where a key was set (a file, an environment variable, a flag), for errors
   */
  ToolLaunch(CamSettings.Tool tool, UnaryOperator<String> sources) {
    this.tool = tool;
    this.sources = sources;
  }

  /**
   * Fails when the tool is disabled or its section has a value that can't be launched.
   *
   * @throws InvalidInputException for a disabled tool
   * @throws ConfigException naming the key, where it was set and what is allowed
   */
  void check() {
    if (!tool.enabled()) {
      throw new InvalidInputException(
          "tool '"
              + tool.id()
              + "' is disabled (tools."
              + tool.id()
              + ".enabled = false, set in "
              + sources.apply(key("enabled"))
              + "): enable it with 'cam config set tools."
              + tool.id()
              + ".enabled true'");
    }
    if (tool.command() != null) {
      checkText("command", tool.command());
      if (tool.command().isBlank()) {
        throw invalid("command", "is blank: name the executable, or reset the key");
      }
    }
    tool.args().forEach(arg -> checkText("args", arg));
    tool.env()
        .forEach(
            (name, value) -> {
              if (!ENV_NAME.matcher(name).matches()) {
                throw invalid(
                    "env." + name,
                    "'"
                        + name
                        + "' is not an environment variable name: use letters, digits and _,"
                        + " not starting with a digit");
              }
              checkText("env." + name, value);
            });
  }

  /** The adapter's launch with this section applied; checks it first. */
  LaunchSpec apply(LaunchSpec spec) {
    check();
    List<String> command = new ArrayList<>(spec.command());
    if (tool.command() != null) {
      command.set(0, tool.command());
    }
    command.addAll(tool.args());
    Map<String, String> env = new HashMap<>(spec.env());
    env.putAll(tool.env());
    return new LaunchSpec(command, env, spec.promptOnCommandLine());
  }

  /** A NUL can't pass through a command line or an environment; other characters can. */
  private void checkText(String key, String value) {
    if (value.indexOf('\0') >= 0) {
      throw invalid(key, "contains a NUL character, which no command line can carry");
    }
  }

  private ConfigException invalid(String key, String problem) {
    return new ConfigException(sources.apply(key(key)), key(key), problem);
  }

  private String key(String name) {
    return "tools." + tool.id() + "." + name;
  }
}
