package dev.cam.distribution.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ends a private tmux server and everything its panes started. */
final class TmuxServer {
  private TmuxServer() {}

  /** The pids of the programs in the server's panes; empty when no server runs. */
  static List<Long> panePids(Path socket) {
    if (!Files.exists(socket)) {
      return List.of();
    }
    return tmux(socket, "list-panes", "-a", "-F", "#{pane_pid}")
        .lines()
        .filter(line -> !line.isBlank())
        .map(line -> Long.parseLong(line.strip()))
        .toList();
  }

  /**
   * Kills the process trees of {@code panes} by pid (Gemini CLI's children survive a killed
   * server), then the server. Harmless when the server never started.
   */
  static void endAll(Path socket, List<Long> panes) {
    for (long pid : panes) {
      ProcessHandle.of(pid)
          .ifPresent(
              root -> {
                root.descendants().forEach(ProcessHandle::destroyForcibly);
                root.destroyForcibly();
              });
    }
    if (Files.exists(socket)) {
      tmux(socket, "kill-server");
    }
  }

  private static String tmux(Path socket, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("tmux", "-S", socket.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out =
          new String(
              process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
