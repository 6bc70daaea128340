package dev.cam.plugin.cli.system;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam plugins enable|disable ID}: edits {@code plugins.disabled} in the user config. */
public final class PluginSwitch {
  static final String KEY = "plugins.disabled";

  private PluginSwitch() {}

  static int set(PlatformContext context, Output output, String id, boolean enabled) {
    List<String> disabled =
        new ArrayList<>(
            context
                .config()
                .get(KEY)
                .filter(s -> !s.isBlank())
                .map(s -> List.of(s.split("\\s*,\\s*")))
                .orElse(List.of()));
    boolean changed = enabled ? disabled.remove(id) : !disabled.contains(id) && disabled.add(id);
    if (changed) {
      if (disabled.isEmpty()) {
        context.resetUserConfig(KEY);
      } else {
        context.setUserConfig(KEY, String.join(",", disabled));
      }
    }
    String state = enabled ? "enabled" : "disabled";
    if (output.json()) {
      output.printJson(
          Json.object("id", id, "state", state, "changed", changed, "disabled", disabled));
    } else {
      output.println(
          id
              + (changed ? " " + state : " was " + state + " already")
              + "; takes effect on the next start");
    }
    return ExitCodes.OK;
  }

  /** {@code cam plugins enable ID}. */
  @Command(name = "enable", description = "Turn a disabled plugin on again.")
  public static final class Enable implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The plugin's id.")
    String id;

    public Enable(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return set(context, new Output(spec), id, true);
    }
  }

  /** {@code cam plugins disable ID}. */
  @Command(name = "disable", description = "Turn a plugin off (it stays installed).")
  public static final class Disable implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The plugin's id.")
    String id;

    public Disable(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (id.equals("cli")) {
        throw new dev.cam.api.InvalidInputException(
            "the 'cli' plugin is the command line itself: it cannot be disabled");
      }
      return set(context, new Output(spec), id, false);
    }
  }
}
