package dev.cam.plugin.cli.system;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cam tools [list]|check}: the tool adapters, and what their rules read on a screen. */
@Command(
    name = "tools",
    description = {
      "List the tool adapters (from plugins and rules files), their CLI versions, installed or not.",
      "JSON: {\"tools\":[{id,name,source,installed,version}]}."
    },
    subcommands = {ToolsCommand.ListTools.class, ToolsCheck.class})
public final class ToolsCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  public ToolsCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return list(context, new Output(spec));
  }

  static int list(PlatformContext context, Output output) {
    List<Map<String, Object>> json = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Tools.Offered offered : Tools.all(context)) {
      Optional<String> version = version(offered);
      String id = offered.adapter().id();
      json.add(
          Json.object(
              "id", id,
              "name", offered.adapter().displayName(),
              "source", offered.source(),
              "installed", version.isPresent(),
              "version", version.orElse(null)));
      String shown =
          version.map(v -> output.style().green(v)).orElse(output.style().yellow("not installed"));
      rows.add(List.of(id, offered.adapter().displayName(), offered.source(), shown));
    }
    if (output.json()) {
      output.printJson(Json.object("tools", json));
    } else if (rows.isEmpty()) {
      output.println("no tool adapters: install a tool plugin or add <config>/tools/NAME.toml");
    } else {
      output.printTable(List.of("ID", "NAME", "SOURCE", "VERSION"), rows);
    }
    return ExitCodes.OK;
  }

  private static Optional<String> version(Tools.Offered offered) {
    try {
      return offered.adapter().installedVersion();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code cam tools list}. */
  @Command(name = "list", aliases = "ls", description = "List the tool adapters (the default).")
  static final class ListTools implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    ListTools(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return list(context, new Output(spec));
    }
  }
}
