package dev.cam.plugin.generic;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start the tool. In {@code args} and {@code promptArgs}, {@code {prompt}} and {@code {cwd}}
 * are replaced by the agent's prompt and working directory.
 *
 * @param command the program
 * @param args arguments always given
 * @param delivery how the prompt reaches the tool
 * @param promptArgs arguments added for {@link PromptDelivery#ARGUMENT} when there is a prompt
 * @param env environment added to the session
 * @param submitPause pause between typing the prompt and pressing Enter
 */
public record LaunchRules(
    String command,
    List<String> args,
    PromptDelivery delivery,
    List<String> promptArgs,
    Map<String, String> env,
    Duration submitPause) {
  public LaunchRules {
    args = List.copyOf(args);
    promptArgs = List.copyOf(promptArgs);
    env = Map.copyOf(env);
  }
}
