package dev.cam.plugin.tmux.internal;

import dev.cam.api.ConnectionReport;
import dev.cam.api.TransportException;
import dev.cam.plugin.tmux.command.TmuxFeatures;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.time.Duration;

/** What tmux is installed, whether it answers, and which features it has. */
public final class TmuxProbe {
  private final TmuxClient tmux;

  public TmuxProbe(TmuxClient tmux) {
    this.tmux = tmux;
  }

  /** {@code tmux -V}, e.g. {@code 3.3a}. */
  public String version() {
    TmuxResult result = tmux.run("-V");
    if (!result.ok()) {
      throw new TransportException("tmux -V failed: " + result.error() + "; reinstall tmux");
    }
    return TmuxFeatures.version(result.stdout());
  }

  /** What this tmux can do, from its version. */
  public TmuxFeatures features() {
    return TmuxFeatures.of(version());
  }

  /** Version and the round trip of one command to CAM's server. */
  public ConnectionReport report() {
    String version;
    try {
      version = version();
    } catch (TransportException e) {
      return new ConnectionReport(true, null, null, e.getMessage());
    }
    long start = System.nanoTime();
    TmuxResult sessions = tmux.run("list-sessions", "-F", "#{session_name}");
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    String state =
        sessions.ok()
            ? "CAM's tmux server runs " + sessions.lines().size() + " session(s)"
            : "CAM's tmux server is not running yet (it starts with the first session)";
    String env =
        TmuxFeatures.atLeast(version, 3, 2)
            ? ""
            : "; tmux before 3.2: environment passed through env";
    return new ConnectionReport(true, latency, version, "tmux " + version + ": " + state + env);
  }
}
