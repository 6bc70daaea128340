package dev.cam.plugin.ssh;

import dev.cam.api.Machine;
import dev.cam.plugin.ssh.internal.RemoteTmux;
import dev.cam.plugin.ssh.internal.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/** The {@code ssh -t … tmux -L cam attach -t NAME} a person runs to look at a remote session. */
final class AttachCommand {
  private AttachCommand() {}

  static List<String> of(Machine machine, RemoteTmux tmux, String name) {
    List<String> line = new ArrayList<>(List.of("ssh", "-t"));
    if (machine.port() != 0) {
      line.addAll(List.of("-p", String.valueOf(machine.port())));
    }
    if (machine.keyFile() != null) {
      line.addAll(List.of("-i", machine.keyFile()));
    }
    line.add((machine.user() == null ? "" : machine.user() + "@") + machine.host());
    // ssh joins the remote words into one line for the remote shell: quote what needs it.
    for (String word : tmux.words(List.of("attach", "-t", name))) {
      line.add(word.matches("[A-Za-z0-9_./=:-]+") ? word : ShellQuote.quote(word));
    }
    return List.copyOf(line);
  }
}
