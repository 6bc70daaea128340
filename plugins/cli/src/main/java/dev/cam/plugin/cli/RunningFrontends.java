package dev.cam.plugin.cli;

import dev.cam.api.Frontend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The front-ends {@code cam serve} runs: started when their plugin appears, stopped when it goes.
 * One that fails is reported and the others carry on. Threading: synchronized; called from the
 * serving thread and the plugin watcher.
 */
final class RunningFrontends {
  private final Output output;
  private final List<Frontend> running = new ArrayList<>();

  RunningFrontends(Output output) {
    this.output = output;
  }

  synchronized int count() {
    return running.size();
  }

  /** Starts the front-ends not running yet, stops those whose plugin is gone. */
  synchronized void sync(List<Frontend> current) {
    Set<Frontend> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
    wanted.addAll(current);
    for (Frontend frontend : List.copyOf(running)) {
      if (!wanted.contains(frontend)) {
        stop(frontend);
      }
    }
    for (Frontend frontend : current) {
      if (running.stream().noneMatch(each -> each == frontend)) {
        start(frontend);
      }
    }
  }

  /** Stops every front-end, the last started first. */
  synchronized void stopAll() {
    for (int i = running.size() - 1; i >= 0; i--) {
      stop(running.get(i));
    }
  }

  private void start(Frontend frontend) {
    try {
      frontend.start();
      running.add(frontend);
      String line = frontend.describe();
      if (!line.isBlank()) {
        output.println("cam serve: started " + line);
      }
    } catch (RuntimeException | LinkageError e) {
      output.println("cam serve: " + frontend.id() + " did not start: " + ErrorHandler.oneLine(e));
    }
  }

  private void stop(Frontend frontend) {
    running.remove(frontend);
    boolean quiet = frontend.describe().isBlank();
    try {
      frontend.stop();
      if (!quiet) {
        output.println("cam serve: stopped " + frontend.id());
      }
    } catch (RuntimeException | LinkageError e) {
      output.println("cam serve: " + frontend.id() + " did not stop: " + ErrorHandler.oneLine(e));
    }
  }
}
