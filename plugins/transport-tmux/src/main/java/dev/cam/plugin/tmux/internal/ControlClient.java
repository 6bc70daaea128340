package dev.cam.plugin.tmux.internal;

import dev.cam.api.TransportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One tmux control-mode client ({@code tmux -C}) attached to a session. It reads the client's
 * notifications on its own thread and reports which pane produced output; the notification's data
 * is not decoded. Closing its stdin makes tmux end it.
 */
final class ControlClient {
  private static final String OUTPUT = "%output ";
  private static final String EXTENDED_OUTPUT = "%extended-output ";
  private final Process process;
  private final Thread reader;
  private volatile boolean closing;

  private ControlClient(Process process, Consumer<String> onPaneOutput, Runnable onExit) {
    this.process = process;
    this.reader = new Thread(() -> read(onPaneOutput, onExit), "cam-tmux-control-" + pid());
    reader.setDaemon(true);
  }

  /** Starts a client attached to {@code session}. */
  static ControlClient start(
      TmuxClient tmux, String session, Consumer<String> onPaneOutput, Runnable onExit) {
    List<String> line = tmux.commandLine(List.of("-C", "attach-session", "-t", "=" + session));
    ProcessBuilder builder =
        new ProcessBuilder(line).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("TMUX");
    try {
      ControlClient client = new ControlClient(builder.start(), onPaneOutput, onExit);
      client.reader.start();
      return client;
    } catch (IOException e) {
      throw new TransportException("cannot start tmux in control mode: install tmux", e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the client and waits for its reader thread. */
  void close() {
    closing = true;
    try {
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      reader.join(TimeUnit.SECONDS.toMillis(2));
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void read(Consumer<String> onPaneOutput, Runnable onExit) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String pane = outputPane(line);
        if (pane != null) {
          onPaneOutput.accept(pane);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The stream ends the same way whatever broke it; the owner decides whether to restart.
    } finally {
      process.destroy();
      if (!closing) {
        onExit.run();
      }
    }
  }

  /** {@code %output %12 data} and {@code %extended-output %12 age : data} name the pane. */
  static String outputPane(String line) {
    int start;
    if (line.startsWith(OUTPUT)) {
      start = OUTPUT.length();
    } else if (line.startsWith(EXTENDED_OUTPUT)) {
      start = EXTENDED_OUTPUT.length();
    } else {
      return null;
    }
    int end = line.indexOf(' ', start);
    return end < 0 ? line.substring(start) : line.substring(start, end);
  }
}
