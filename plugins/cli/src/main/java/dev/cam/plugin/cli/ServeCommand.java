package dev.cam.plugin.cli;

import dev.cam.api.Frontend;
import dev.cam.api.PlatformContext;
import dev.cam.api.Subscription;
import dev.cam.plugin.cli.system.ServerProcess;
import dev.cam.plugin.cli.system.ServerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cam serve}: runs every {@link Frontend} in the foreground, with plugins hot-plugged from
 * the user's plugins directory, and watches every agent no other CAM process watches, until SIGINT
 * or SIGTERM. {@code --daemon} starts it in the background instead.
 */
@Command(
    name = "serve",
    description = {
      "Run the front-ends (API server, relay link) in the foreground until Ctrl-C or SIGTERM,",
      "and watch every agent no other CAM process watches (e.g. after 'cam run --detach').",
      "Plugins dropped into the user's plugins directory meanwhile are loaded, removed ones"
          + " unloaded."
    },
    subcommands = {ServerStatus.Status.class, ServerStatus.Stop.class})
final class ServeCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--daemon",
      description = "Start in the background (pid and log in the data directory) and return.")
  boolean daemon;

  // --relay, --host and --port are read by the launcher as the flag layer of relay.url,
  // server.host and server.port; declared here to be documented and checked.
  @Option(
      names = "--relay",
      paramLabel = "URL",
      description = {
        "Keep this server reachable through the CAM relay at URL (relay.url); prints the address",
        "phones and remote CLIs open."
      })
  String relay;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address the API binds (server.host, default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port the API binds (server.port, default 8420; 0 picks a free one).")
  Integer port;

  ServeCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec);
    ServerProcess server = new ServerProcess(context);
    if (daemon) {
      ProcessHandle started = server.running().orElseGet(() -> server.start(flagArgs()));
      output.println(
          "cam serve: running in the background, pid "
              + started.pid()
              + ", log "
              + server.logFile());
      return ExitCodes.OK;
    }
    server.claim();
    RunningFrontends frontends = new RunningFrontends(output);
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Subscription plugins = context.plugins().watch();
    Subscription changes;
    try {
      changes =
          context
              .events()
              .subscribe("plugin_*", e -> frontends.sync(context.extensions(Frontend.class)));
    } catch (RuntimeException e) {
      plugins.close();
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> awaitStop(stop, stopped), "cam-serve-shutdown"));
    Adopter adopter = new Adopter(context, output);
    try {
      frontends.sync(context.extensions(Frontend.class));
      adopter.start();
      output.println("cam serve: " + frontends.count() + " front-end(s) running; Ctrl-C stops");
      stop.await();
    } finally {
      adopter.close();
      changes.close();
      plugins.close();
      frontends.stopAll();
      server.release();
      output.println("cam serve: stopped");
      stopped.countDown();
    }
    return ExitCodes.OK;
  }

  /** This call's config file and configuration flags, for the background server's command line. */
  private List<String> flagArgs() {
    List<String> args = new ArrayList<>();
    Path config = CamCommand.of(spec.commandLine()).config();
    if (config != null) {
      args.addAll(List.of("--config", config.toAbsolutePath().normalize().toString()));
    }
    if (relay != null) {
      args.addAll(List.of("--relay", relay));
    }
    if (host != null) {
      args.addAll(List.of("--host", host));
    }
    if (port != null) {
      args.addAll(List.of("--port", String.valueOf(port)));
    }
    return args;
  }

  /** On SIGINT/SIGTERM: wake the serving thread and give it time to stop everything. */
  private static void awaitStop(CountDownLatch stop, CountDownLatch stopped) {
    stop.countDown();
    try {
      stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
