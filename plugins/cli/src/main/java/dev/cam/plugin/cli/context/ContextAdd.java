package dev.cam.plugin.cli.context;

import dev.cam.api.Context;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam context add NAME PATH [--host H --user U --port P --key FILE] [--tag T]...}. */
@Command(
    name = "add",
    description = {
      "Add a context: a directory here (must exist) or on a remote host (absolute path).",
      "JSON: the context as 'cam context show' prints it."
    })
final class ContextAdd implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits, '.', '_', '-'.")
  String name;

  @Parameters(index = "1", paramLabel = "PATH", description = "The directory agents work in.")
  String path;

  @Mixin MachineOptions machine = new MachineOptions();

  @Option(names = "--tag", paramLabel = "TAG", description = "A label (repeatable).")
  List<String> tags = List.of();

  ContextAdd(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Machine where = machine.machine(Machine.LOCAL);
    boolean remote = Mode.of(spec, context).server().isPresent();
    // through a server the path is on the server's side: it checks it
    String checked = remote ? path : ContextPaths.check(path, where);
    Context added = Mode.service(spec, context).addContext(new Context(name, checked, where, tags));
    Output output = new Output(spec);
    if (output.json()) {
      output.printJson(ContextJson.of(added));
    } else {
      output.println("added " + added.name() + "  " + added.machine().label() + ":" + added.path());
    }
    return ExitCodes.OK;
  }
}
