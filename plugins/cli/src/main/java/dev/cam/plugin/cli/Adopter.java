package dev.cam.plugin.cli;

import dev.cam.api.Agent;
import dev.cam.api.PlatformContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes over agents nobody watches, at start and then every few seconds: those left by a {@code cam
 * run --detach}, by a {@code cam run} stopped with Ctrl-C once its lease expired, or by a crashed
 * CAM process.
 */
final class Adopter implements AutoCloseable {
  private static final Duration EVERY = Duration.ofSeconds(3);

  private final PlatformContext context;
  private final Output output;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cam-serve-adopt");
            t.setDaemon(true);
            return t;
          });

  Adopter(PlatformContext context, Output output) {
    this.context = context;
    this.output = output;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::adopt, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void adopt() {
    try {
      List<Agent> adopted = context.control().adopt();
      for (Agent a : adopted) {
        output.println(
            "cam serve: watching agent " + a.shortId() + " (" + a.status().wireName() + ")");
      }
    } catch (RuntimeException e) {
      output.println("cam serve: could not adopt agents: " + ErrorHandler.oneLine(e));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
