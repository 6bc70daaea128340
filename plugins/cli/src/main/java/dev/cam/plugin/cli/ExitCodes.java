package dev.cam.plugin.cli;

import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import picocli.CommandLine;

/** {@code cam}'s exit codes, and which error gives which. */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int NOT_FOUND = 3;
  public static final int AGENT_FAILED = 4;

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
