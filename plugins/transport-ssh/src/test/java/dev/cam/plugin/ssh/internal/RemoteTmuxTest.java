package dev.cam.plugin.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteTmuxTest {
  @Test
  void socketNameUsesDashLAndPathUsesDashS() {
    assertEquals(
        List.of("tmux", "-L", "cam", "ls"), new RemoteTmux("tmux", "cam").words(List.of("ls")));
    assertEquals(
        List.of("tmux", "-S", "/tmp/s", "ls"),
        new RemoteTmux("tmux", "/tmp/s").words(List.of("ls")));
  }

  @Test
  void commandsAreSeparatedByAQuotedSemicolonAndTrailingSemicolonsStayText() {
    String line =
        new RemoteTmux("tmux", "cam")
            .line(List.of(List.of("send-keys", "-t", "x", "rm -rf /;"), List.of("kill-server")));
    assertEquals("'tmux' '-L' 'cam' 'send-keys' '-t' 'x' 'rm -rf /\\;' ';' 'kill-server'", line);
  }
}
