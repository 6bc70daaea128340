package dev.cam.plugin.cli.system;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cam serve status|stop}: the background server of this data directory. */
public final class ServerStatus {
  private ServerStatus() {}

  /** {@code cam serve status}: exit 0 when running, 1 when not. */
  @Command(
      name = "status",
      description = {
        "Is a server running for this data directory? With its front-ends' state (relay link).",
        "JSON: {running, pid, log, frontends}."
      })
  public static final class Status implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    public Status(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ServerProcess server = new ServerProcess(context);
      Optional<ProcessHandle> running = server.running();
      Output output = new Output(spec);
      ServerHealth health =
          running.isPresent() ? ServerHealth.of(context) : new ServerHealth(Map.of(), null);
      if (output.json()) {
        output.printJson(
            Json.object(
                "running", running.isPresent(),
                "pid", running.map(ProcessHandle::pid).orElse(null),
                "log", server.logFile().toString(),
                "frontends", health.sections()));
      } else {
        output.println(
            running
                .map(p -> "cam serve is running, pid " + p.pid() + ", log " + server.logFile())
                .orElse("cam serve is not running: start it with 'cam serve --daemon'"));
        output.out().print(health.lines());
        output.out().flush();
      }
      return running.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  /** {@code cam serve stop}: SIGTERM, then wait for it to end. */
  @Command(name = "stop", description = "Stop the background server (agents keep running).")
  public static final class Stop implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    public Stop(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() throws Exception {
      Output output = new Output(spec);
      Optional<ProcessHandle> running = new ServerProcess(context).running();
      if (running.isEmpty()) {
        output.println("cam serve is not running");
        return ExitCodes.OK;
      }
      ProcessHandle server = running.get();
      server.destroy();
      server.onExit().get(20, TimeUnit.SECONDS);
      output.println("cam serve stopped (pid " + server.pid() + ")");
      return ExitCodes.OK;
    }
  }
}
