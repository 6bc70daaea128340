package dev.cam.plugin.cli;

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
    return failure instanceof CommandLine.ParameterException ? USAGE : Failures.exitCode(failure);
  }
}
