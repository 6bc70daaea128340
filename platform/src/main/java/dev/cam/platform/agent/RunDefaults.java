package dev.cam.platform.agent;

import dev.cam.api.AgentOptions;
import dev.cam.platform.config.CamSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * The configured options of a run whose caller gave none: {@code retry.max}, {@code
 * monitor.auto_confirm}, overridden per tool by {@code tools.<id>.auto_confirm}.
 *
 * <p>A {@link dev.cam.api.RunRequest} made with {@code null} options carries the very instance
 * {@link AgentOptions#DEFAULTS}; only that instance is replaced, so options a caller spelled out,
 * even when equal to the built-in defaults, are kept.
 *
 * @param retries retries after a failure
 * @param autoConfirm whether prompts are answered
 * @param toolAutoConfirm per-tool overrides of {@code autoConfirm}, by tool id
 */
public record RunDefaults(int retries, boolean autoConfirm, Map<String, Boolean> toolAutoConfirm) {
  /** The built-in defaults: no retries, answer prompts. */
  public static final RunDefaults NONE = new RunDefaults(0, true, Map.of());

  public RunDefaults {
    toolAutoConfirm = Map.copyOf(toolAutoConfirm);
  }

  /** Defaults from the configuration. */
  public static RunDefaults from(CamSettings settings) {
    Map<String, Boolean> perTool = new HashMap<>();
    settings.tools().values().stream()
        .filter(t -> t.autoConfirm() != null)
        .forEach(t -> perTool.put(t.id(), t.autoConfirm()));
    return new RunDefaults(settings.retry().max(), settings.monitor().autoConfirm(), perTool);
  }

  /** The options to run {@code tool} with. */
  @SuppressWarnings("ReferenceEquality")
  public AgentOptions apply(String tool, AgentOptions given) {
    if (given != AgentOptions.DEFAULTS) {
      return given;
    }
    return new AgentOptions(
        null, null, retries, toolAutoConfirm.getOrDefault(tool, autoConfirm), Map.of());
  }
}
