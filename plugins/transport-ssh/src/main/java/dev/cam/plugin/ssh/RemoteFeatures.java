package dev.cam.plugin.ssh;

import dev.cam.api.Machine;
import dev.cam.api.TransportException;
import dev.cam.plugin.ssh.internal.RemoteTmux;
import dev.cam.plugin.tmux.command.TmuxFeatures;
import dev.cam.plugin.tmux.command.TmuxResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tmux version of each remote machine, asked once per machine. */
final class RemoteFeatures {
  private final RemoteRunner runner;
  private final RemoteTmux tmux;
  private final Map<String, String> versions = new ConcurrentHashMap<>();

  RemoteFeatures(RemoteRunner runner, RemoteTmux tmux) {
    this.runner = runner;
    this.tmux = tmux;
  }

  /** What the machine's tmux can do. */
  TmuxFeatures of(Machine machine) {
    return TmuxFeatures.of(versions.computeIfAbsent(machine.label(), label -> ask(machine)));
  }

  /** {@code tmux -V} there, e.g. {@code 3.3a}. */
  String ask(Machine machine) {
    TmuxResult result = runner.run(machine, tmux.line("-V"), null);
    if (!result.ok()) {
      throw new TransportException(
          "tmux -V failed on " + machine.label() + ": " + result.error() + "; reinstall tmux");
    }
    return TmuxFeatures.version(result.stdout());
  }
}
