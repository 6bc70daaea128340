package dev.cam.platform.monitor;

import dev.cam.api.Detection;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The first two detection layers: the tool's structured signals, then its screen rules. A signal
 * that means something wins over the screen for the look at which it is read; the screen decides
 * otherwise. Adapter failures are reported and read as "nothing seen". Not thread-safe: owned by
 * one monitor.
 */
final class Detector {
  private final ToolAdapter adapter;
  private final SignalTail signals;
  private final Consumer<String> errors;

  /**
   * @param signalFile the agent's signal file, or {@code null} when it has none
   * @param errors receives a message for each failure
   */
  Detector(ToolAdapter adapter, Path signalFile, Consumer<String> errors) {
    this.adapter = adapter;
    this.signals = signalFile == null ? null : new SignalTail(signalFile);
    this.errors = errors;
  }

  /** What the newest meaningful signal says, else what the screen says. */
  Detection read(Screen screen) {
    Detection signalled = signal();
    return signalled != null ? signalled : screen(screen);
  }

  private Detection signal() {
    if (signals == null) {
      return null;
    }
    List<String> lines;
    try {
      lines = signals.next();
    } catch (IOException e) {
      errors.accept("cannot read the signal file: " + e.getMessage());
      return null;
    }
    Detection last = null;
    for (String line : lines) {
      try {
        Optional<Detection> d = adapter.readSignal(line);
        if (d.isPresent()) {
          last = d.get();
        }
      } catch (RuntimeException e) {
        errors.accept("tool adapter '" + adapter.id() + "' could not read a signal: " + e);
      }
    }
    return last;
  }

  private Detection screen(Screen screen) {
    try {
      return adapter.read(screen);
    } catch (RuntimeException e) {
      errors.accept("tool adapter '" + adapter.id() + "' could not read the screen: " + e);
      return Detection.NOTHING;
    }
  }
}
