package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Config;
import dev.cam.api.Context;
import dev.cam.api.LaunchRequest;
import dev.cam.api.LaunchSpec;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.api.RunRequest;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.system.Tools;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;

/** {@code cam run --dry-run}: what would run where, with the command the adapter would launch. */
final class DryRun {
  private DryRun() {}

  static int print(PlatformContext context, Output output, RunRequest request) {
    ToolAdapter adapter = Tools.find(context, request.tool());
    ToolSection.requireEnabled(context.config(), adapter.id());
    Machine machine = request.machine();
    String cwd = request.cwd();
    if (request.context() != null) {
      Context c = context.contexts().get(request.context());
      machine = c.machine();
      cwd = c.path();
    }
    Agent draft =
        new Agent(
            "0000000000000000",
            request.name(),
            adapter.id(),
            request.context(),
            machine,
            cwd,
            request.prompt(),
            AgentStatus.PENDING,
            AgentState.INITIALIZING,
            null,
            null,
            Instant.now(),
            null,
            null,
            null,
            1,
            configured(context, adapter.id(), request.options()));
    LaunchSpec launch = adapter.launch(new LaunchRequest(draft));
    ToolSection section =
        ToolSection.of(context.config(), adapter.id(), launch, request.options().env());
    if (output.json()) {
      output.printJson(
          Json.object(
              "agent", AgentJson.agent(draft),
              "command", section.command(),
              "env_keys", new TreeSet<>(section.envKeys()),
              "prompt_on_command_line", launch.promptOnCommandLine()));
    } else {
      output.println("would run " + adapter.displayName() + " on " + machine.label() + ":" + cwd);
      output.println("  command  " + String.join(" ", section.command()));
      output.println("  env      " + String.join(" ", new TreeSet<>(section.envKeys())));
      output.println("  options  " + StatusCommand.options(draft.options()));
      output.println(
          "  prompt   "
              + (launch.promptOnCommandLine() ? "on the command line" : "typed once ready"));
    }
    return ExitCodes.OK;
  }

  /** The request's options with unset ones resolved as the agent manager will resolve them. */
  private static AgentOptions configured(PlatformContext context, String tool, AgentOptions given) {
    Config config = context.config();
    boolean confirm =
        config
            .get("tools." + tool + ".auto_confirm")
            .map(Boolean::parseBoolean)
            .orElseGet(() -> config.getBoolean("monitor.auto_confirm"));
    return given.orElse(
        new AgentOptions(null, null, config.getInt("retry.max"), confirm, Map.of()));
  }
}
