package dev.cam.plugin.tmux.internal;

import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.time.Duration;
import java.util.List;

/**
 * Runs the transport's tmux commands over the activity watcher's control client when it runs (no
 * process per command: a capture costs a write and a read), else as a client process. Commands
 * whose arguments can't be written on a control line (text with quotes, line breaks, non-ASCII) go
 * to a process too, where arguments never pass through tmux's parser.
 */
public final class CommandChannel {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final TmuxClient tmux;
  private final ActivityHub hub;

  public CommandChannel(TmuxClient tmux, ActivityHub hub) {
    this.tmux = tmux;
    this.hub = hub;
  }

  /**
   * Runs commands that may safely run twice (they read, or set what they set). Throws if tmux can't
   * be reached at all, not if a command fails.
   */
  public TmuxResult run(List<List<String>> commands) {
    return run(commands, true);
  }

  /**
   * Runs commands that must not run twice (keys typed into a pane): if the control client ended
   * after they were written, nobody can tell whether they ran, and that is reported instead.
   */
  public TmuxResult runOnce(List<List<String>> commands) {
    return run(commands, false);
  }

  private TmuxResult run(List<List<String>> commands, boolean repeatable) {
    ControlClient control = hub.control();
    if (control != null) {
      try {
        return control.run(commands, TIMEOUT);
      } catch (ControlClient.Unavailable e) {
        if (e.sent() && !repeatable) {
          throw new TransportException(
              "tmux's control client ended while typing into the session; the keys may not have"
                  + " arrived: look at the session and send them again if needed");
        }
      }
    }
    return tmux.run(null, commands);
  }

  /** One command. */
  public TmuxResult run(String... command) {
    return run(List.of(List.of(command)));
  }
}
