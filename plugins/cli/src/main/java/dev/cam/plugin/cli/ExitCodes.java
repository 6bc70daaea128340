package dev.cam.plugin.cli;

import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import picocli.CommandLine;

/** {@code cam}'s exit codes, and which error gives which. */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_FOUND = 3;
  static final int AGENT_FAILED = 4;

  @Override
  public int getExitCode(Throwable failure) {
    if (failure instanceof CommandLine.ParameterException
        || failure instanceof InvalidInputException) {
      return USAGE;
    }
    if (failure instanceof NotFoundException) {
      return NOT_FOUND;
    }
    return FAILURE;
  }
}
