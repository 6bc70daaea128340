package dev.cam.plugin.tmux.internal;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One tmux control-mode client ({@code tmux -C}) attached to a session. It reads the client's
 * notifications on its own thread and reports which pane produced output (the data itself is not
 * decoded) or died: a subscription to {@code #{pane_dead}} (tmux 3.2+, checked by tmux once a
 * second) tells of a program that exited without printing. It also runs commands for the transport
 * ({@link #run}): written to the client's stdin, answered in order, without a process per command.
 * Closing its stdin makes tmux end it.
 */
final class ControlClient {
  private static final String OUTPUT = "%output ";
  private static final String EXTENDED_OUTPUT = "%extended-output ";
  private static final String DEATHS = "cam-dead";
  private static final List<String> SUBSCRIBE =
      List.of("refresh-client", "-B", DEATHS + ":%*:#{pane_dead}");
  private static final String DIED = "%subscription-changed " + DEATHS + " ";
  private final Process process;
  private final OutputStream commands;
  private final ControlReplies replies = new ControlReplies();
  private final Thread reader;
  private final CompletableFuture<Void> attachment = new CompletableFuture<>();
  private volatile boolean attached;
  private volatile boolean closing;

  private ControlClient(Process process, Consumer<String> onPaneOutput, Runnable onExit) {
    this.process = process;
    this.commands = process.getOutputStream();
    this.reader = new Thread(() -> read(onPaneOutput, onExit), "cam-tmux-control-" + pid());
    reader.setDaemon(true);
  }

  /**
   * Starts a client attached to {@code session}. {@code -N} (tmux 3.2+) keeps it from starting a
   * server: once CAM's server was killed, no client of CAM's brings it back.
   */
  static ControlClient start(
      TmuxClient tmux,
      String session,
      boolean noStart,
      Consumer<String> onPaneOutput,
      Runnable onExit) {
    List<String> args = new ArrayList<>(noStart ? List.of("-N") : List.of());
    args.addAll(List.of("-C", "attach-session", "-t", "=" + session));
    ProcessBuilder builder =
        new ProcessBuilder(tmux.commandLine(args)).redirectError(ProcessBuilder.Redirect.DISCARD);
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

  /**
   * Waits until the client is attached (it hears of output from then on) or has ended, at most
   * {@code timeout}; true when attached.
   */
  boolean awaitAttached(Duration timeout) {
    try {
      attachment.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // ended or slow: the caller goes on, and output may be heard a little later
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ready();
  }

  /** Whether it is attached and takes commands. */
  boolean ready() {
    return attached && !closing && process.isAlive();
  }

  /**
   * Runs the commands (each on its own; a failing one does not stop the next) and returns their
   * output as one client process would: stdout of all, the first error, exit code 1 on an error.
   *
   * @throws Unavailable when the commands can't go this way (not attached, an argument not writable
   *     on one line, the client ended before answering): run them in a process instead, unless
   *     {@link Unavailable#sent} and running them twice would matter
   */
  TmuxResult run(List<List<String>> batch, Duration timeout) throws Unavailable {
    List<CompletableFuture<TmuxResult>> answers = send(batch);
    StringBuilder out = new StringBuilder();
    String error = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CompletableFuture<TmuxResult> answer : answers) {
      TmuxResult result = await(answer, deadline);
      out.append(result.stdout());
      if (!result.ok() && error == null) {
        error = result.stderr();
      }
    }
    return new TmuxResult(error == null ? 0 : 1, out.toString(), error == null ? "" : error);
  }

  private List<CompletableFuture<TmuxResult>> send(List<List<String>> batch) throws Unavailable {
    StringBuilder lines = new StringBuilder();
    for (List<String> command : batch) {
      String line = ControlLine.of(command);
      if (line == null) {
        throw new Unavailable();
      }
      lines.append(line);
    }
    if (!ready()) {
      throw new Unavailable();
    }
    return write(batch.size(), lines.toString());
  }

  /** Registers the replies and writes the lines as one step, so replies match in order. */
  private synchronized List<CompletableFuture<TmuxResult>> write(int count, String lines)
      throws Unavailable {
    List<CompletableFuture<TmuxResult>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CompletableFuture<TmuxResult> answer = new CompletableFuture<>();
      replies.expect(answer);
      answers.add(answer);
    }
    try {
      commands.write(lines.getBytes(StandardCharsets.US_ASCII));
      commands.flush();
    } catch (IOException e) {
      // the reader sees the end too and fails what is registered
      throw new Unavailable();
    }
    return answers;
  }

  private static TmuxResult await(CompletableFuture<TmuxResult> answer, long deadline)
      throws Unavailable {
    try {
      return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new Unavailable(true);
    } catch (TimeoutException e) {
      throw new TransportException("tmux did not answer in time; is the machine overloaded?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for tmux", e);
    }
  }

  /** Ends the client and waits for its reader thread. */
  void close() {
    closing = true;
    try {
      synchronized (this) {
        commands.close();
      }
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
        if (replies.accept(line)) {
          continue;
        }
        if (!attached && line.startsWith("%session-changed ")) {
          attach();
        }
        String pane = outputPane(line);
        if (pane != null) {
          onPaneOutput.accept(pane);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The stream ends the same way whatever broke it; the owner decides whether to restart.
    } finally {
      attached = false;
      attachment.complete(null);
      replies.failAll(new TransportException("the tmux control client ended"));
      process.destroy();
      if (!closing) {
        onExit.run();
      }
    }
  }

  /**
   * Attached: commands may come now (one that arrives earlier fails with "no current client"). The
   * subscription is a constant command; its reply is not awaited on the reader's own thread.
   */
  private void attach() {
    try {
      write(1, ControlLine.of(SUBSCRIBE));
      attached = true;
      attachment.complete(null);
    } catch (Unavailable e) {
      // the client died at once; its reader reports that and the owner restarts it
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

  /** The commands can't go over this client; run them in a process. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean sent;

    Unavailable() {
      this(false);
    }

    /**
     * @param sent whether the commands were written before the client ended, so they may have run
     */
    Unavailable(boolean sent) {
      super(null, null, false, false);
      this.sent = sent;
    }

    boolean sent() {
      return sent;
    }
  }
}
