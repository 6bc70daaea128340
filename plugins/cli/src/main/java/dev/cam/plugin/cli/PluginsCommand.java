package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import dev.cam.api.PluginInfo;
import dev.cam.plugin.cli.service.CamService;
import dev.cam.plugin.cli.system.PluginFilesCommands;
import dev.cam.plugin.cli.system.PluginSwitch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cam plugins [list]}: every plugin found, with its state and why it failed. */
@Command(
    name = "plugins",
    description = "List plugins: id, version, state, where from, and why one failed.",
    subcommands = {
      PluginsCommand.ListCommand.class,
      PluginFilesCommands.Install.class,
      PluginFilesCommands.Remove.class,
      PluginSwitch.Enable.class,
      PluginSwitch.Disable.class
    })
final class PluginsCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  PluginsCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return list(Mode.service(spec, context), new Output(spec));
  }

  static int list(CamService cam, Output output) {
    List<PluginInfo> plugins = cam.plugins();
    if (output.json()) {
      output.printJson(Json.object("plugins", plugins.stream().map(PluginsCommand::json).toList()));
      return ExitCodes.OK;
    }
    List<List<String>> rows =
        plugins.stream()
            .map(p -> List.of(p.id(), p.version(), p.state().name(), p.source(), reason(p)))
            .toList();
    output.printTable(List.of("ID", "VERSION", "STATE", "SOURCE", "REASON"), rows);
    return ExitCodes.OK;
  }

  private static String reason(PluginInfo plugin) {
    return plugin.reason() == null ? "" : plugin.reason();
  }

  private static Map<String, Object> json(PluginInfo plugin) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", plugin.id());
    json.put("version", plugin.version());
    json.put("state", plugin.state().name());
    json.put("source", plugin.source());
    json.put("reason", plugin.reason());
    return json;
  }

  /** {@code cam plugins list}: the same as {@code cam plugins}. */
  @Command(name = "list", description = "List plugins (the default).")
  static final class ListCommand implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    ListCommand(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return list(Mode.service(spec, context), new Output(spec));
    }
  }
}
