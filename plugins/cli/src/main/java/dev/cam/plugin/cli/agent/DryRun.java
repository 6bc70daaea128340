package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.LaunchPlan;
import dev.cam.api.LaunchSpec;
import dev.cam.api.PlatformContext;
import dev.cam.api.RunRequest;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.system.Tools;
import java.util.TreeSet;

/**
 * {@code cam run --dry-run}: what would run where, as the agent manager would start it: the command
 * after the tool's {@code [tools.<id>]} section and the names (never the values) of the session's
 * environment variables.
 */
final class DryRun {
  private DryRun() {}

  static int print(PlatformContext context, CamService cam, Output output, RunRequest request) {
    LaunchPlan plan = cam.plan(request);
    Agent draft = plan.agent();
    LaunchSpec launch = plan.launch();
    TreeSet<String> envKeys = new TreeSet<>(launch.env().keySet());
    if (output.json()) {
      output.printJson(
          Json.object(
              "agent", AgentJson.agent(draft),
              "command", launch.command(),
              "env_keys", envKeys,
              "prompt_on_command_line", launch.promptOnCommandLine()));
    } else {
      String tool = toolName(context, draft.tool());
      output.println("would run " + tool + " on " + draft.machine().label() + ":" + draft.cwd());
      output.println("  command  " + String.join(" ", launch.command()));
      output.println("  env      " + String.join(" ", envKeys));
      output.println("  options  " + StatusCommand.options(draft.options()));
      output.println(
          "  prompt   "
              + (launch.promptOnCommandLine() ? "on the command line" : "typed once ready"));
    }
    return ExitCodes.OK;
  }

  /** The tool's display name when this machine has its adapter (a server may have others). */
  private static String toolName(PlatformContext context, String id) {
    return Tools.all(context).stream()
        .map(Tools.Offered::adapter)
        .filter(a -> a.id().equals(id))
        .map(ToolAdapter::displayName)
        .findFirst()
        .orElse(id);
  }
}
