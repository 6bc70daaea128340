package dev.cam.plugin.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns every error into one line on stderr saying what to do; the stack trace only with {@code
 * -v}.
 */
public final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, CommandLine.ParseResult parseResult) {
    PrintWriter err = command.getErr();
    err.println("cam: " + oneLine(failure));
    if (CamCommand.of(command).verbose()) {
      failure.printStackTrace(err);
    }
    err.flush();
    return command.getExitCodeExceptionMapper().getExitCode(failure);
  }

  @Override
  public int handleParseException(CommandLine.ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println("cam: " + oneLine(failure) + " (see '" + name + " --help')");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** The message, or for errors CAM did not word itself, their kind and message. */
  public static String oneLine(Throwable failure) {
    if (failure instanceof CommandLine.ParameterException) {
      String message = failure.getMessage();
      return message == null ? "failed" : message.replace('\n', ' ').strip();
    }
    return Failures.oneLine(failure);
  }
}
