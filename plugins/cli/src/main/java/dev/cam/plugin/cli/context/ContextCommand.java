package dev.cam.plugin.cli.context;

import dev.cam.api.Context;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.service.CamService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam context add|list|show|test|update|remove}: named places where agents work. */
@Command(
    name = "context",
    aliases = "ctx",
    description = {
      "Manage contexts: named directories, here or on a remote machine, where agents run.",
      "Without a subcommand: list them."
    },
    subcommands = {
      ContextAdd.class,
      ContextCommand.ListContexts.class,
      ContextCommand.Show.class,
      ContextTest.class,
      ContextUpdate.class,
      ContextCommand.Remove.class
    })
public final class ContextCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  public ContextCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    return list(Mode.service(spec, context), new Output(spec));
  }

  static int list(CamService cam, Output output) {
    List<Context> all = cam.contexts();
    if (output.json()) {
      output.printJson(Json.object("contexts", all.stream().map(ContextJson::of).toList()));
    } else if (all.isEmpty()) {
      output.println("no contexts yet: add one with 'cam context add NAME PATH'");
    } else {
      List<List<String>> rows =
          all.stream()
              .map(
                  c -> List.of(c.name(), c.machine().label(), c.path(), String.join(",", c.tags())))
              .toList();
      output.printTable(List.of("NAME", "MACHINE", "PATH", "TAGS"), rows);
    }
    return ExitCodes.OK;
  }

  /** {@code cam context list}. */
  @Command(
      name = "list",
      aliases = "ls",
      description = {"List contexts.", "JSON: {\"contexts\":[context...]}."})
  static final class ListContexts implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    ListContexts(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return list(Mode.service(spec, context), new Output(spec));
    }
  }

  /** {@code cam context show NAME}. */
  @Command(
      name = "show",
      description = {
        "Show one context.",
        "JSON: {name, path, machine:{label,host,user,port,key_file}, tags}."
      })
  static final class Show implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The context's name.")
    String name;

    Show(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Output output = new Output(spec);
      Context c = Mode.service(spec, context).context(name);
      if (output.json()) {
        output.printJson(ContextJson.of(c));
      } else {
        output.println(describe(c));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code cam context remove NAME}. */
  @Command(name = "remove", aliases = "rm", description = "Remove a context (agents keep theirs).")
  static final class Remove implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The context's name.")
    String name;

    Remove(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Output output = new Output(spec);
      Mode.service(spec, context).removeContext(name);
      output.println(output.json() ? Json.write(Json.object("removed", name)) : "removed " + name);
      return ExitCodes.OK;
    }
  }

  static String describe(Context c) {
    Object key = c.machine().keyFile() == null ? "-" : c.machine().keyFile();
    return String.format(
        "name     %s%nmachine  %s%npath     %s%nkey      %s%ntags     %s",
        c.name(),
        c.machine().label(),
        c.path(),
        key,
        c.tags().isEmpty() ? "-" : String.join(", ", c.tags()));
  }
}
