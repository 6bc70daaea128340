package dev.cam.plugin.cli.context;

import dev.cam.api.Context;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.remote.RemoteCam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam context update NAME [--path P] [--host ...] [--tag T]... [--untag T]...}. */
@Command(
    name = "update",
    description = {
      "Change a context: its path, machine (--host \"\" makes it local again) or tags.",
      "JSON: the context as 'cam context show' prints it."
    })
final class ContextUpdate implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The context's name.")
  String name;

  @Option(names = "--path", description = "New directory.")
  String path;

  @Mixin MachineOptions machine = new MachineOptions();

  @Option(names = "--tag", paramLabel = "TAG", description = "Add a tag (repeatable).")
  List<String> tags = List.of();

  @Option(names = "--untag", paramLabel = "TAG", description = "Remove a tag (repeatable).")
  List<String> untags = List.of();

  ContextUpdate(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<RemoteCam> remote = Mode.of(spec, context).remote();
    Context updated = remote.isPresent() ? remote.get().updateContext(name, change()) : here();
    Output output = new Output(spec);
    if (output.json()) {
      output.printJson(ContextJson.of(updated));
    } else {
      output.println(ContextCommand.describe(updated));
    }
    return ExitCodes.OK;
  }

  /**
   * The options as the server's change: paths and key files are the server's, so they go as given
   * and the server checks them.
   */
  private Map<String, Object> change() {
    Map<String, Object> change = new LinkedHashMap<>();
    putIfGiven(change, "path", path);
    putIfGiven(change, "host", machine.host);
    putIfGiven(change, "user", machine.user);
    putIfGiven(change, "port", machine.port);
    putIfGiven(change, "key_file", machine.key == null ? null : machine.key.toString());
    change.put("tags", tags);
    change.put("untags", untags);
    return change;
  }

  private static void putIfGiven(Map<String, Object> change, String key, Object value) {
    if (value != null) {
      change.put(key, value);
    }
  }

  private Context here() {
    Context old = context.contexts().get(name);
    Machine where = machine.given() ? machine.machine(old.machine()) : old.machine();
    String checked =
        path == null && !machine.given()
            ? old.path()
            : ContextPaths.check(path == null ? old.path() : path, where);
    List<String> newTags = new ArrayList<>(old.tags());
    newTags.removeAll(untags);
    tags.stream().filter(t -> !newTags.contains(t)).forEach(newTags::add);
    return context.contexts().update(new Context(name, checked, where, newTags));
  }
}
