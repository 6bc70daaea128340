package dev.cam.plugin.cli;

import dev.cam.api.Frontend;
import dev.cam.api.PlatformContext;
import dev.cam.api.Subscription;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cam serve}: runs every {@link Frontend} in the foreground, with plugins hot-plugged from
 * the user's plugins directory, until SIGINT or SIGTERM.
 */
@Command(
    name = "serve",
    description = {
      "Run the front-ends (API server, relay link) in the foreground until Ctrl-C or SIGTERM.",
      "Plugins dropped into the user's plugins directory meanwhile are loaded, removed ones"
          + " unloaded."
    })
final class ServeCommand implements Callable<Integer> {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final PlatformContext context;

  @Spec CommandSpec spec;

  ServeCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec);
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
    try {
      frontends.sync(context.extensions(Frontend.class));
      output.println("cam serve: " + frontends.count() + " front-end(s) running; Ctrl-C stops");
      stop.await();
    } finally {
      changes.close();
      plugins.close();
      frontends.stopAll();
      output.println("cam serve: stopped");
      stopped.countDown();
    }
    return ExitCodes.OK;
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
