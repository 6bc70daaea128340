package dev.cam.plugin.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command prints, as text or, with {@code --json}, as JSON. */
public final class Output {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean terminal;

  /** The streams and {@code --json} of the command line this parsed command belongs to. */
  public Output(CommandSpec spec) {
    this(
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        CamCommand.of(spec.commandLine()).json(),
        CamCommand.of(spec.commandLine()).terminal());
  }

  /**
   * @param json whether {@code --json} was given
   * @param terminal whether stdout is a terminal (colours allowed)
   */
  public Output(PrintWriter out, PrintWriter err, boolean json, boolean terminal) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.terminal = terminal;
  }

  public boolean json() {
    return json;
  }

  /** Colours, on only for a terminal without {@code NO_COLOR}; never with {@code --json}. */
  public Style style() {
    return Style.detect(System.getenv("NO_COLOR"), !json && terminal);
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public void println(String line) {
    out().println(line);
    out().flush();
  }

  public void printJson(Object value) {
    println(Json.write(value));
  }

  public void printTable(List<String> headers, List<List<String>> rows) {
    println(Table.format(headers, rows).stripTrailing());
  }
}
