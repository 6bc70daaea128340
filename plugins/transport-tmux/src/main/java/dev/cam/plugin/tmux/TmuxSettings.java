package dev.cam.plugin.tmux;

import dev.cam.api.Config;
import dev.cam.api.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link TmuxTransport} reaches tmux.
 *
 * <p>Config keys: {@code tmux.socket} (a socket name for {@code tmux -L}, default {@code cam}; a
 * value with a {@code /} is a socket path for {@code tmux -S}, relative to the data directory),
 * {@code tmux.executable} (default {@code tmux}).
 *
 * @param executable the tmux program, a name looked up on PATH or a path
 * @param socketName socket name for {@code -L}, or {@code null} when {@code socketPath} is set
 * @param socketPath socket path for {@code -S}, or {@code null} when {@code socketName} is set
 * @param activityInterval shortest time between two activity callbacks for one session
 * @param historyLimit scrollback lines kept per pane
 */
public record TmuxSettings(
    String executable,
    String socketName,
    Path socketPath,
    Duration activityInterval,
    int historyLimit) {
  /** The socket name used when nothing is configured. */
  public static final String DEFAULT_SOCKET = "cam";

  public TmuxSettings {
    if (executable == null || executable.isBlank()) {
      throw new InvalidInputException("tmux.executable is empty: give tmux's path");
    }
    if ((socketName == null) == (socketPath == null)) {
      throw new InvalidInputException("give either a tmux socket name or a socket path, not both");
    }
    if (socketName != null && (socketName.isBlank() || socketName.contains("/"))) {
      throw new InvalidInputException("tmux socket name '" + socketName + "' is not a plain name");
    }
    activityInterval = activityInterval == null ? Duration.ofMillis(25) : activityInterval;
    if (historyLimit < 0) {
      throw new InvalidInputException("tmux history limit must not be negative");
    }
  }

  /** CAM's defaults: {@code tmux -L cam}. */
  public static TmuxSettings defaults() {
    return named(DEFAULT_SOCKET);
  }

  /** A server reached with {@code tmux -L name}. */
  public static TmuxSettings named(String name) {
    return new TmuxSettings("tmux", name, null, null, 10_000);
  }

  /** A server reached with {@code tmux -S path}; tests use a socket in a temporary directory. */
  public static TmuxSettings at(Path socket) {
    return new TmuxSettings("tmux", null, socket.toAbsolutePath(), null, 10_000);
  }

  /** Settings from CAM's configuration; relative socket paths are under {@code dataDir}. */
  public static TmuxSettings fromConfig(Config config, Path dataDir) {
    String socket = config.get("tmux.socket").orElse(DEFAULT_SOCKET).trim();
    String executable = config.get("tmux.executable").orElse("tmux").trim();
    TmuxSettings base = socket.contains("/") ? at(dataDir.resolve(socket)) : named(socket);
    return new TmuxSettings(
        executable,
        base.socketName(),
        base.socketPath(),
        base.activityInterval(),
        base.historyLimit());
  }

  /** The global options selecting CAM's server: {@code -L name} or {@code -S path}. */
  public List<String> socketArgs() {
    return socketName != null ? List.of("-L", socketName) : List.of("-S", socketPath.toString());
  }
}
