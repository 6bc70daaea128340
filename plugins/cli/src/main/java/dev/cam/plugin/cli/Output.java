package dev.cam.plugin.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command prints, as text or, with {@code --json}, as JSON. */
public final class Output {
  private final CommandLine command;

  public Output(CommandSpec spec) {
    this.command = spec.commandLine();
  }

  public boolean json() {
    return CamCommand.of(command).json();
  }

  /** Colours, on only for a terminal without {@code NO_COLOR}; never with {@code --json}. */
  public Style style() {
    return Style.detect(System.getenv("NO_COLOR"), !json() && CamCommand.of(command).terminal());
  }

  public PrintWriter out() {
    return command.getOut();
  }

  public PrintWriter err() {
    return command.getErr();
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
