package dev.cam.plugin.cli;

import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;

/**
 * How a failed command is reported: one line and an exit code. Free of picocli, so the {@link
 * QuickCommands quick path} reports errors exactly as picocli's handlers do without loading it.
 */
public final class Failures {
  private Failures() {}

  /** The message, or for errors CAM did not word itself, their kind and message. */
  public static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    String text;
    if (failure instanceof CamException) {
      text = message;
    } else if (message == null || message.isBlank()) {
      text = failure.getClass().getSimpleName() + "; run with -v for details";
    } else {
      text = message + " (" + failure.getClass().getSimpleName() + "; -v shows more)";
    }
    return text == null ? "failed" : text.replace('\n', ' ').strip();
  }

  /** The exit code of a command that threw this. */
  public static int exitCode(Throwable failure) {
    if (failure instanceof InvalidInputException) {
      return ExitCodes.USAGE;
    }
    if (failure instanceof NotFoundException) {
      return ExitCodes.NOT_FOUND;
    }
    return ExitCodes.FAILURE;
  }
}
