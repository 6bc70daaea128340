package dev.cam.plugin.cli;

import dev.cam.api.Cli;
import dev.cam.api.PlatformContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import picocli.CommandLine;

/**
 * The {@code cam} command line, built with picocli on each call. {@code cam --version} is answered
 * before picocli builds its model: it is what people and scripts run to check an installation, and
 * the model costs more start-up time than everything else together.
 */
@Extension
public final class PicocliCli implements Cli {
  private final PlatformContext context;

  public PicocliCli(PlatformContext context) {
    this.context = context;
  }

  @Override
  public int execute(List<String> args, PrintWriter out, PrintWriter err) {
    if (args.equals(List.of("--version")) || args.equals(List.of("-V"))) {
      out.println("cam " + context.version());
      out.flush();
      return ExitCodes.OK;
    }
    boolean terminal = System.console() != null;
    Optional<Integer> quick = QuickCommands.run(context, args, out, err, terminal, System.getenv());
    if (quick.isPresent()) {
      return quick.get();
    }
    CommandLine line = commandLine(context, out, err, args);
    ((CamCommand) line.getCommand()).terminal(terminal);
    return line.execute(args.toArray(String[]::new));
  }

  /** The command tree these arguments need, writing to these streams; tests call it directly. */
  static CommandLine commandLine(
      PlatformContext context, PrintWriter out, PrintWriter err, List<String> args) {
    return CommandTree.build(context, out, err, args);
  }
}
