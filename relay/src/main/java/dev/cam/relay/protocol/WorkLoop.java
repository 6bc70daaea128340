package dev.cam.relay.protocol;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a step function on one thread at a time, again for every {@link #run} that came in while it
 * ran. Callbacks that complete inline call {@link #run} from inside the step; they only bump a
 * counter, so the stack never grows with the number of frames moved.
 */
public final class WorkLoop {
  private final Runnable step;
  private final AtomicInteger requests = new AtomicInteger();

  /** Wraps a step that does what it can without blocking and returns. */
  public WorkLoop(Runnable step) {
    this.step = step;
  }

  /** Runs the step now, or makes the running step go round once more. */
  public void run() {
    if (requests.getAndIncrement() != 0) {
      return;
    }
    do {
      step.run();
    } while (requests.decrementAndGet() != 0);
  }
}
