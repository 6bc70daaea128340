package dev.cam.plugin.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Where a command prints, as text or, with {@code --json}, as JSON. */
final class Output {
  private final CommandLine command;

  Output(CommandSpec spec) {
    this.command = spec.commandLine();
  }

  boolean json() {
    return CamCommand.of(command).json();
  }

  PrintWriter out() {
    return command.getOut();
  }

  void println(String line) {
    out().println(line);
    out().flush();
  }

  void printJson(Object value) {
    println(Json.write(value));
  }

  void printTable(List<String> headers, List<List<String>> rows) {
    println(Table.format(headers, rows).stripTrailing());
  }
}
