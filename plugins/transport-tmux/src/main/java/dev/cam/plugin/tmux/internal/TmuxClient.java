package dev.cam.plugin.tmux.internal;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxCommands;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tmux client commands against one server. Arguments go to tmux as an argument list, never
 * through a shell; {@link TmuxCommands} builds them.
 */
public final class TmuxClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final TmuxCommands commands;

  public TmuxClient(String executable, List<String> socketArgs) {
    this.commands = new TmuxCommands(executable, socketArgs);
  }

  /** The command line that starts a tmux client on this server with the given arguments. */
  public List<String> commandLine(List<String> args) {
    return commands.commandLine(args);
  }

  /** Runs the commands in one invocation; throws if tmux can't be started, not if it fails. */
  public TmuxResult run(byte[] stdin, List<List<String>> commands) {
    return exec(this.commands.invocation(commands), stdin);
  }

  /** One command. */
  public TmuxResult run(String... command) {
    return run(null, List.of(List.of(command)));
  }

  /** Runs the commands and returns their output, or throws with tmux's error after {@code what}. */
  public String check(String what, List<List<String>> commands) {
    TmuxResult result = run(null, commands);
    if (!result.ok()) {
      throw new TransportException(what + ": tmux said: " + result.error());
    }
    return result.stdout();
  }

  private static TmuxResult exec(List<String> line, byte[] stdin) {
    ProcessBuilder builder = new ProcessBuilder(line);
    // Inside a person's tmux, TMUX would point tmux at their server for some commands.
    builder.environment().remove("TMUX");
    builder.environment().remove("TMUX_PANE");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new TransportException(
          "cannot run '"
              + line.get(0)
              + "': install tmux (apt install tmux) or set"
              + " tmux.executable to its path",
          e);
    }
    // A hung client must not hang its caller: end it after the timeout.
    process
        .onExit()
        .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(timeout -> process.destroyForcibly());
    try {
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      // tmux writes little to stderr, far less than a pipe holds: reading it second is safe.
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TransportException("tmux did not answer within " + TIMEOUT.toSeconds() + " s");
      }
      return new TmuxResult(process.exitValue(), out, errors);
    } catch (IOException e) {
      throw new TransportException("talking to tmux failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for tmux", e);
    } finally {
      process.destroy();
    }
  }
}
