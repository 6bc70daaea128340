package dev.cam.plugin.api.http;

import dev.cam.api.AmbiguousIdException;
import dev.cam.api.CamException;
import dev.cam.api.ConfigException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps what a route threw to the problem the client gets. Never exposes a stack trace. */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  public static Problem of(Throwable error) {
    if (error instanceof ProblemException p) {
      return p.problem();
    }
    if (error instanceof NotFoundException e) {
      return new Problem(
          404, "not-found", "Not found", e.getMessage(), Map.of("kind", e.kind(), "key", e.key()));
    }
    if (error instanceof AmbiguousIdException e) {
      return new Problem(
          400,
          "ambiguous-id",
          "Ambiguous id",
          e.getMessage(),
          Map.of("prefix", e.prefix(), "candidates", e.candidates()));
    }
    if (error instanceof InvalidInputException e) {
      return Problem.badRequest(e.getMessage());
    }
    if (error instanceof ConfigException e) {
      return new Problem(
          500,
          "config",
          "Configuration error",
          e.getMessage(),
          Map.of("source", e.source(), "key", e.key()));
    }
    if (error instanceof UnsupportedOperationException e) {
      return Problem.unavailable(
          "this CAM process cannot do that ("
              + e.getMessage()
              + "): run the API inside 'cam serve' with the agent plugins installed");
    }
    if (error instanceof CamException e) {
      return new Problem(500, "error", "Server error", e.getMessage());
    }
    LOG.error("API request failed unexpectedly", error);
    return new Problem(
        500,
        "internal",
        "Internal server error",
        "the server failed unexpectedly ("
            + error.getClass().getSimpleName()
            + "); see the server's log and report it");
  }
}
