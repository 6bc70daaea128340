package dev.cam.plugin.cli.agent;

import dev.cam.api.CamException;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ErrorHandler;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.system.ServerProcess;
import java.util.Optional;

/**
 * Makes sure a background {@code cam serve} exists to watch agents this short-lived process starts;
 * this process gives up its leases when it exits and the server adopts them.
 */
final class ServerWatch {
  private ServerWatch() {}

  /** The server's process, started if needed; empty (with a note on stderr) when it can't be. */
  static Optional<ProcessHandle> ensure(PlatformContext context, Output output) {
    ServerProcess server = new ServerProcess(context);
    try {
      return Optional.of(server.running().orElseGet(server::start));
    } catch (CamException e) {
      output
          .err()
          .println("cam: " + ErrorHandler.oneLine(e) + "; until then nobody watches the agent");
      output.err().flush();
      return Optional.empty();
    }
  }
}
