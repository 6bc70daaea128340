package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds picocli's command tree. A class of its own so that loading {@link PicocliCli}, which the
 * quick path runs through, does not make the bytecode verifier open picocli's jar.
 */
final class CommandTree {
  private CommandTree() {}

  /** The command tree these arguments need, writing to these streams. */
  static CommandLine build(
      PlatformContext context, PrintWriter out, PrintWriter err, List<String> args) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine line = new CommandLine(CamCommand.class, factory);
    for (Class<?> subcommand : Commands.neededFor(args)) {
      line.addSubcommand(new CommandLine(subcommand, factory));
    }
    ErrorHandler errors = new ErrorHandler();
    return line.setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionStrategy(new LocalOnly())
        .setExitCodeExceptionMapper(new ExitCodes())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors);
  }
}
