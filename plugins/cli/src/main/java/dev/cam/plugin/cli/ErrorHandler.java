package dev.cam.plugin.cli;

import dev.cam.api.CamException;
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
    String message = failure.getMessage();
    String text;
    if (failure instanceof CamException || failure instanceof CommandLine.ParameterException) {
      text = message;
    } else if (message == null || message.isBlank()) {
      text = failure.getClass().getSimpleName() + "; run with -v for details";
    } else {
      text = message + " (" + failure.getClass().getSimpleName() + "; -v shows more)";
    }
    return text == null ? "failed" : text.replace('\n', ' ').strip();
  }
}
