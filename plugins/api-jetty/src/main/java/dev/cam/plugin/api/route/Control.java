package dev.cam.plugin.api.route;

import dev.cam.api.AgentControl;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.http.Problem;
import dev.cam.plugin.api.http.ProblemException;

/** The platform's agent control, or a 503 problem when this process offers none. */
final class Control {
  private Control() {}

  static AgentControl of(PlatformContext context) {
    try {
      return context.control();
    } catch (UnsupportedOperationException e) {
      throw new ProblemException(
          Problem.unavailable(
              "agent control not available in this process: start the server with 'cam serve'"
                  + " where the agent manager runs"));
    }
  }
}
