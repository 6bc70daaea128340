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
 * notifications on its own thread and reports which pane produced output (the data itself is not
 * decoded) or died: a subscription to {@code #{pane_dead}} (tmux 3.2+, checked by tmux once a
 * second) tells of a program that exited without printing. Closing its stdin makes tmux end it.
 */
final class ControlClient {
  private static final String OUTPUT = "%output ";
  private static final String EXTENDED_OUTPUT = "%extended-output ";
  private static final String DEATHS = "cam-dead";
  private static final String SUBSCRIBE = "refresh-client -B '" + DEATHS + ":%*:#{pane_dead}'\n";
  private static final String DIED = "%subscription-changed " + DEATHS + " ";
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

  /**
   * Sent once attached (a command that arrives earlier fails with "no current client"). A constant
   * command: no caller's data ever goes through tmux's command parser.
   */
  private void subscribeToDeaths() {
    try {
      process.getOutputStream().write(SUBSCRIBE.getBytes(StandardCharsets.US_ASCII));
      process.getOutputStream().flush();
    } catch (IOException e) {
      // the client died at once; its reader reports that and the owner restarts it
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
      boolean subscribed = false;
      while ((line = lines.readLine()) != null) {
        if (!subscribed && line.startsWith("%session-changed ")) {
          subscribeToDeaths();
          subscribed = true;
        }
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

  /**
   * The pane a notification is about: {@code %output %12 data}, {@code %extended-output %12 age :
   * data}, or {@code %subscription-changed cam-dead $1 @2 0 %12 : 1} (the pane died).
   */
  static String outputPane(String line) {
    int start;
    if (line.startsWith(DIED)) {
      return line.endsWith(" : 1") ? deadPane(line) : null;
    } else if (line.startsWith(OUTPUT)) {
      start = OUTPUT.length();
    } else if (line.startsWith(EXTENDED_OUTPUT)) {
      start = EXTENDED_OUTPUT.length();
    } else {
      return null;
    }
    int end = line.indexOf(' ', start);
    return end < 0 ? line.substring(start) : line.substring(start, end);
  }

  private static String deadPane(String line) {
    String[] words = line.split(" ");
    return words.length > 7 && words[5].startsWith("%") ? words[5] : null;
  }
}
