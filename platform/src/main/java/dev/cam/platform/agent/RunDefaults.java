package dev.cam.platform.agent;

import dev.cam.api.AgentOptions;
import dev.cam.api.LaunchSpec;
import dev.cam.platform.config.CamSettings;
import dev.cam.platform.config.LayeredConfig;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the configuration says about runs: options a request leaves unset, and each tool's {@code
 * [tools.<id>]} section. Each unset option is resolved on its own, from the request, then the
 * tool's section, then the global setting, then {@link AgentOptions#DEFAULTS}: {@code retries} from
 * {@code retry.max}; {@code autoConfirm} from {@code tools.<id>.auto_confirm}, then {@code
 * monitor.auto_confirm}.
 *
 * <p>Immutable; safe from any thread.
 */
public final class RunDefaults {
  /** The built-in defaults: no retries, answer prompts, no tool sections. */
  public static final RunDefaults NONE = new RunDefaults(0, true, Map.of());

  private final int retries;
  private final boolean autoConfirm;
  private final Map<String, CamSettings.Tool> tools;
  private final UnaryOperator<String> sources;

  /**
   * @param retries {@code retry.max}
   * @param autoConfirm {@code monitor.auto_confirm}
   * @param tools the tools' sections, by tool id
   * @param sources where a key was set, for error messages
   */
  public RunDefaults(
      int retries,
      boolean autoConfirm,
      Map<String, CamSettings.Tool> tools,
      UnaryOperator<String> sources) {
    this.retries = retries;
    this.autoConfirm = autoConfirm;
    this.tools = Map.copyOf(tools);
    this.sources = sources;
  }

  /** Defaults whose errors say "the configuration" instead of a file or variable. */
  public RunDefaults(int retries, boolean autoConfirm, Map<String, CamSettings.Tool> tools) {
    this(retries, autoConfirm, tools, key -> "configuration");
  }

  /** Defaults from the effective configuration. */
  public static RunDefaults from(LayeredConfig config) {
    CamSettings settings = config.settings();
    return new RunDefaults(
        settings.retry().max(), settings.monitor().autoConfirm(), settings.tools(), config::source);
  }

  /** The options to run {@code tool} with: every unset one resolved. */
  public AgentOptions apply(String tool, AgentOptions given) {
    CamSettings.Tool section = tools.get(tool);
    Boolean toolConfirm = section == null ? null : section.autoConfirm();
    AgentOptions configured =
        new AgentOptions(
            null, null, retries, toolConfirm != null ? toolConfirm : autoConfirm, Map.of());
    return given.orElse(configured).orElse(AgentOptions.DEFAULTS);
  }

  /**
   * Fails when {@code tool} is disabled or its section can't be launched.
   *
   * @throws dev.cam.api.CamException saying what to change
   */
  public void check(String tool) {
    ToolLaunch launch = launchOf(tool);
    if (launch != null) {
      launch.check();
    }
  }

  /** The adapter's launch of {@code tool} with its section applied (see {@link ToolLaunch}). */
  public LaunchSpec launch(String tool, LaunchSpec spec) {
    ToolLaunch launch = launchOf(tool);
    return launch == null ? spec : launch.apply(spec);
  }

  private ToolLaunch launchOf(String tool) {
    CamSettings.Tool section = tools.get(tool);
    return section == null ? null : new ToolLaunch(section, sources);
  }
}
