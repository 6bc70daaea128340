package dev.cam.plugin.api.http;

import dev.cam.api.CamException;

/** Ends a request with the problem it carries; thrown by routes and the request guards. */
public final class ProblemException extends CamException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
