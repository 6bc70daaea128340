package dev.cam.plugin.ssh;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Machine;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.internal.RemoteTmux;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.time.Duration;

/** {@code cam context test} for a remote machine: reachable, tmux version, round-trip time. */
final class RemoteProbe {
  private final RemoteRunner runner;
  private final RemoteTmux tmux;

  RemoteProbe(RemoteRunner runner, RemoteTmux tmux) {
    this.runner = runner;
    this.tmux = tmux;
  }

  ConnectionReport report(Machine machine) {
    Duration latency;
    try {
      runner.run(machine, "true", null); // connects (and logs in) if needed
      long start = System.nanoTime();
      runner.run(machine, "true", null);
      latency = Duration.ofNanos(System.nanoTime() - start);
    } catch (TransportException e) {
      return new ConnectionReport(false, null, null, e.getMessage());
    }
    String version;
    try {
      version = new RemoteFeatures(runner, tmux).ask(machine);
    } catch (TransportException e) {
      return new ConnectionReport(true, latency, null, e.getMessage());
    }
    TmuxResult sessions =
        runner.run(machine, tmux.line("list-sessions", "-F", "#{session_name}"), null);
    String state =
        sessions.ok()
            ? "CAM's tmux server there runs " + sessions.lines().size() + " session(s)"
            : "CAM's tmux server there is not running yet (it starts with the first session)";
    return new ConnectionReport(
        true,
        latency,
        version,
        machine.label()
            + ": tmux "
            + version
            + ", "
            + state
            + ", round trip "
            + latency.toMillis()
            + " ms");
  }
}
