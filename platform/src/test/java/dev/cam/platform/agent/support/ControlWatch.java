package dev.cam.platform.agent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Activity of many sessions through one tmux control-mode client: every watched window is linked
 * into a hidden {@code cam-watch} session, whose control client then reports {@code %output} for
 * all of them. One process and one reader thread, however many agents.
 */
final class ControlWatch implements AutoCloseable {
  static final String SESSION = "cam-watch";

  private final Map<String, List<Runnable>> byPane = new ConcurrentHashMap<>();
  private final Process client;
  private final Thread reader;

  ControlWatch(List<String> tmux) throws IOException {
    List<String> command = new java.util.ArrayList<>(tmux);
    command.addAll(List.of("-C", "attach", "-t", "=" + SESSION));
    client = new ProcessBuilder(command).redirectErrorStream(true).start();
    reader = new Thread(this::read, "tmux-control-watch");
    reader.setDaemon(true);
    reader.start();
  }

  void add(String paneId, Runnable onActivity) {
    byPane.computeIfAbsent(paneId, p -> new CopyOnWriteArrayList<>()).add(onActivity);
  }

  void remove(String paneId, Runnable onActivity) {
    List<Runnable> listeners = byPane.get(paneId);
    if (listeners != null) {
      listeners.remove(onActivity);
    }
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("%output ")) {
          int end = line.indexOf(' ', 8);
          notify(byPane.get(end < 0 ? line.substring(8) : line.substring(8, end)));
        } else if (line.startsWith("%window-close") || line.startsWith("%unlinked-window-close")) {
          // The closed window's panes are not named: let every watcher look.
          byPane.values().forEach(ControlWatch::notify);
        }
      }
    } catch (IOException e) {
      // the client ended with the server
    }
  }

  private static void notify(List<Runnable> listeners) {
    if (listeners != null) {
      listeners.forEach(Runnable::run);
    }
  }

  @Override
  public void close() {
    client.destroy();
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
