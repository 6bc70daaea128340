package dev.cam.plugin.tmux.internal;

import java.util.ArrayList;
import java.util.List;
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

  /** The processes now running under the given pids (the pids included). */
  public static List<ProcessHandle> snapshot(List<Long> pids) {
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
  public static void endSurvivors(List<ProcessHandle> processes, long graceMillis) {
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
