package dev.cam.plugin.tmux.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends what a killed pane leaves behind. tmux hangs up on a pane's process when it closes the pane,
 * but some programs ignore that or run children that outlive their parent; those are ended by pid.
 */
public final class ProcessTrees {
  private ProcessTrees() {}

  /**
   * Kills the windows of {@code window_id pane_pid} lines ({@code kill-window} ends a window in
   * every session it is linked into, the watch session too), then whatever they left running.
   */
  public static void killWindows(TmuxClient tmux, List<String> panes) {
    List<Long> pids = new ArrayList<>();
    Set<List<String>> kills = new LinkedHashSet<>();
    for (String line : panes) {
      String[] parts = line.split(" ");
      pids.add(Long.parseLong(parts[1]));
      kills.add(List.of("kill-window", "-t", parts[0]));
    }
    List<ProcessHandle> processes = snapshot(pids);
    tmux.run(null, List.copyOf(kills));
    endSurvivors(processes, 1000);
  }

  /** The processes now running under the given pids (the pids included). */
  static List<ProcessHandle> snapshot(List<Long> pids) {
    List<ProcessHandle> all = new ArrayList<>();
    for (long pid : pids) {
      ProcessHandle.of(pid)
          .ifPresent(
              root -> {
                all.add(root);
                root.descendants().forEach(all::add);
              });
    }
    return all;
  }

  /** Asks survivors to stop, then forces those still there after the grace period. */
  static void endSurvivors(List<ProcessHandle> processes, long graceMillis) {
    List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
    if (alive.isEmpty()) {
      return;
    }
    alive.forEach(ProcessHandle::destroy);
    CompletableFuture<?>[] exits =
        alive.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(exits).get(graceMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
      awaitExit(exits, graceMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitExit(CompletableFuture<?>[] exits, long millis) {
    try {
      CompletableFuture.allOf(exits).get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // a process stuck in the kernel: nothing more can be done from here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
