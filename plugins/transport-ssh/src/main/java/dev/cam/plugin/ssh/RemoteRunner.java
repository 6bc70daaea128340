package dev.cam.plugin.ssh;

import dev.cam.api.Machine;
import dev.cam.plugin.tmux.command.TmuxResult;

/** Runs a shell line on a machine; the transport's shared connections behind a small seam. */
@FunctionalInterface
interface RemoteRunner {
  TmuxResult run(Machine machine, String line, byte[] stdin);
}
