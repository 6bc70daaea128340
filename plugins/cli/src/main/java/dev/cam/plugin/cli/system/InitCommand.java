package dev.cam.plugin.cli.system;

import dev.cam.api.AgentQuery;
import dev.cam.api.Context;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Machine;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cam init}: makes the config and data directories, a commented config file and, optionally,
 * a first context. Running it again changes nothing that exists.
 */
@Command(
    name = "init",
    description = {
      "Set CAM up: config and data directories, a commented config file, optionally a first"
          + " context. Safe to run again.",
      "JSON: {\"created\":[path...],\"context\":name|null}."
    })
public final class InitCommand implements Callable<Integer> {
  private static final String TEMPLATE =
      """
      # CAM configuration. Every key is optional; 'cam config show' lists them with their values.
      # [general]
      # default_tool = "claude"
      # [server]
      # port = 8420
      # [retry]
      # max = 0
      """;

  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--context",
      arity = "2",
      paramLabel = "NAME PATH",
      description = "Also add a first context: a name and a local directory.")
  List<String> firstContext;

  public InitCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<String> created = new ArrayList<>();
    List<Path> dirs =
        List.of(
            context.configDir(),
            context.configDir().resolve("tools"),
            context.dataDir(),
            context.dataDir().resolve("plugins"));
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        createDirectories(dir);
        created.add(dir.toString());
      }
    }
    Path file = context.configDir().resolve("config.toml");
    if (!Files.exists(file)) {
      write(file, TEMPLATE);
      created.add(file.toString());
    }
    // Opening the store creates the database with its schema, so a permission problem shows now.
    context.agents().list(new AgentQuery(null, null, null, 1, 0));
    String contextName = firstContext == null ? null : addContext();
    Output output = new Output(spec);
    if (output.json()) {
      output.printJson(Json.object("created", created, "context", contextName));
    } else {
      created.forEach(p -> output.println("created " + p));
      if (contextName != null) {
        output.println("added context " + contextName);
      }
      output.println(
          created.isEmpty() && contextName == null
              ? "CAM is already set up; 'cam doctor' checks the rest"
              : "ready: 'cam doctor' checks tmux and the tools, 'cam run TOOL PROMPT' starts one");
    }
    return ExitCodes.OK;
  }

  private String addContext() {
    Path dir = Path.of(firstContext.get(1)).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("directory " + dir + " does not exist: create it first");
    }
    return context
        .contexts()
        .add(new Context(firstContext.get(0), dir.toString(), Machine.LOCAL, List.of()))
        .name();
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create " + dir + ": check its parent's permissions", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": check its permissions", e);
    }
  }
}
