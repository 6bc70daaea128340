package dev.cam.platform.agent.support;

import dev.cam.api.TransportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Activity of many sessions through one tmux control-mode client: every watched window is linked
 * into a hidden {@code cam-watch} session, whose control client then reports {@code %output} for
 * all of them. One process and one reader thread, however many agents.
 */
final class ControlWatch implements AutoCloseable {
  static final String SESSION = "cam-watch";

  private final Map<String, List<Runnable>> byPane = new ConcurrentHashMap<>();
  private final Deque<CompletableFuture<String>> replies = new ArrayDeque<>();
  private final Process client;
  private final Writer commands;
  private final Thread reader;

  ControlWatch(List<String> tmux) throws IOException {
    List<String> command = new java.util.ArrayList<>(tmux);
    command.addAll(List.of("-C", "attach", "-t", "=" + SESSION));
    client = new ProcessBuilder(command).redirectErrorStream(true).start();
    commands = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
    reader = new Thread(this::read, "tmux-control-watch");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Runs a tmux command through the control client: no process per command. Replies come in the
   * order commands were written, each between {@code %begin} and {@code %end}/{@code %error}.
   */
  String command(String line) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    synchronized (replies) {
      replies.addLast(reply);
      try {
        commands.write(line + "\n");
        commands.flush();
      } catch (IOException e) {
        replies.removeLast();
        throw new TransportException("tmux control client is gone: " + e.getMessage());
      }
    }
    try {
      return reply.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new TransportException(e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new TransportException("tmux did not answer '" + line + "' within 10 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while waiting for tmux");
    }
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
      StringBuilder block = null;
      boolean ours = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (block != null) {
          if (line.startsWith("%end ") || line.startsWith("%error ")) {
            if (ours) {
              complete(block.toString(), line.startsWith("%error "));
            }
            block = null;
          } else {
            block.append(line).append('\n');
          }
        } else if (line.startsWith("%begin ")) {
          block = new StringBuilder();
          ours = line.endsWith(" 1");
        } else if (line.startsWith("%output ")) {
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

  private void complete(String output, boolean failed) {
    CompletableFuture<String> reply;
    synchronized (replies) {
      reply = replies.pollFirst();
    }
    if (reply == null) {
      return;
    }
    if (failed) {
      reply.completeExceptionally(new TransportException("tmux: " + output.strip()));
    } else {
      reply.complete(output);
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
