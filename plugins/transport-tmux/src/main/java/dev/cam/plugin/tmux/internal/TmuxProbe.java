package dev.cam.plugin.tmux.internal;

import dev.cam.api.ConnectionReport;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tmux is installed, whether it answers, and which features it has. */
public final class TmuxProbe {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
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
    String text = result.stdout().strip();
    return text.startsWith("tmux ") ? text.substring(5) : text;
  }

  /** What this tmux can do, from its version. */
  public TmuxFeatures features() {
    String version = version();
    return new TmuxFeatures(atLeast(version, 3, 2), atLeast(version, 3, 3));
  }

  static boolean atLeast(String version, int major, int minor) {
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return true; // "master", "next-…": a development build, newer than any release
    }
    int actualMajor = Integer.parseInt(m.group(1));
    return actualMajor > major || (actualMajor == major && Integer.parseInt(m.group(2)) >= minor);
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
    String env = atLeast(version, 3, 2) ? "" : "; tmux before 3.2: environment passed through env";
    return new ConnectionReport(true, latency, version, "tmux " + version + ": " + state + env);
  }
}
