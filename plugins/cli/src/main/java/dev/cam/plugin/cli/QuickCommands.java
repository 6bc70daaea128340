package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.QuickLine.Option;
import dev.cam.plugin.cli.agent.ListCommand;
import dev.cam.plugin.cli.agent.StatusCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The everyday read commands, {@code cam list}, {@code cam status ID} and {@code cam plugins}, run
 * without picocli when their command line is in its plainest form. Building picocli's model costs a
 * cold start about 100 ms, a third of what such a command may take; the commands themselves are the
 * same code either way. Anything else (help, a typo, an unusual form) goes to picocli, so messages
 * for wrong input come from one place. {@code QuickCommandsTest} runs each accepted form both ways
 * and requires the same output and exit code.
 */
final class QuickCommands {
  private static final Option STATUS = new Option("status", true, true);
  private static final Option LIMIT = new Option("limit", true, false);
  private static final Option WATCH = new Option("watch", false, false);
  private static final Map<String, Option> LIST =
      Map.of(
          "-s",
          STATUS,
          "--status",
          STATUS,
          "--tool",
          new Option("tool", true, false),
          "--ctx",
          new Option("ctx", true, false),
          "-n",
          LIMIT,
          "--limit",
          LIMIT,
          "-w",
          WATCH,
          "--watch",
          WATCH);
  private static final Option EVENTS = new Option("events", true, false);
  private static final Map<String, Option> STATUS_OPTIONS =
      Map.of("-e", EVENTS, "--events", EVENTS);
  private static final Map<String, Map<String, Option>> COMMANDS =
      Map.of("list", LIST, "ls", LIST, "status", STATUS_OPTIONS, "plugins", Map.of());
  // picocli splits --status at commas; only plain lists of words are read here
  private static final Pattern WORDS = Pattern.compile("[A-Za-z_-]+(,[A-Za-z_-]+)*");

  private QuickCommands() {}

  /**
   * Runs the command when it is one of these in a plain form.
   *
   * @return its exit code, or empty when picocli must parse this command line
   */
  static Optional<Integer> run(
      PlatformContext context,
      List<String> args,
      PrintWriter out,
      PrintWriter err,
      boolean terminal,
      Map<String, String> env) {
    Optional<QuickLine> parsed = QuickLine.parse(args, COMMANDS);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    QuickLine line = parsed.get();
    Output output = new Output(out, err, line.flag("json"), terminal);
    Mode mode = Mode.of(context, line.value("server"), line.value("token"), env);
    Optional<Command> command = command(line, mode, output);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(command.get().run());
    } catch (Exception e) {
      err.println("cam: " + Failures.oneLine(e));
      if (line.flag("verbose")) {
        e.printStackTrace(err);
      }
      err.flush();
      return Optional.of(Failures.exitCode(e));
    }
  }

  /** What runs a command once its line is read. */
  private interface Command {
    int run() throws Exception;
  }

  private static Optional<Command> command(QuickLine line, Mode mode, Output output) {
    List<String> arguments = line.arguments();
    switch (line.command()) {
      case "plugins" -> {
        boolean plain = arguments.isEmpty() || arguments.equals(List.of("list"));
        return plain
            ? Optional.of(() -> PluginsCommand.list(mode.service(), output))
            : Optional.empty();
      }
      case "status" -> {
        Optional<Integer> events = line.count("events", 10);
        if (arguments.size() != 1 || events.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(
            () -> StatusCommand.show(mode.service(), output, arguments.get(0), events.get()));
      }
      default -> {
        Optional<Integer> limit = line.count("limit", 50);
        List<String> statuses = line.all("status");
        if (!arguments.isEmpty()
            || limit.isEmpty()
            || !statuses.stream().allMatch(s -> WORDS.matcher(s).matches())) {
          return Optional.empty();
        }
        List<String> split =
            statuses.stream().flatMap(s -> List.of(s.split(",")).stream()).toList();
        return Optional.of(
            () ->
                ListCommand.list(
                    mode.service(),
                    output,
                    ListCommand.query(split, line.value("tool"), line.value("ctx"), limit.get()),
                    line.flag("watch")));
      }
    }
  }
}
