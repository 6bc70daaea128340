package dev.cam.plugin.api.route;

import dev.cam.api.ToolAdapter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The installed versions of the tools' CLIs, looked up in parallel (each may run a process) and
 * kept for a while, so listing tools stays cheap. A lookup that takes longer than the wait gives
 * {@code null} now and its answer on a later call. Safe from any thread.
 */
public final class ToolVersions {
  private final Duration wait;
  private final long maxAgeNanos;
  private final LongSupplier nanos;
  private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
  // lookups run on daemon threads that end when idle, so the server needs no hook to stop them
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "cam-tool-version");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param wait how long one listing waits for lookups still running
   * @param maxAge how long a version is kept before it is looked up again
   * @param nanos the clock
   */
  public ToolVersions(Duration wait, Duration maxAge, LongSupplier nanos) {
    this.wait = wait;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanos = nanos;
  }

  /** Versions by tool id; a tool not installed, or not known yet, maps to {@code null}. */
  Map<String, String> of(List<ToolAdapter> adapters) {
    long now = nanos.getAsLong();
    Map<String, CompletableFuture<Optional<String>>> pending = new HashMap<>();
    for (ToolAdapter adapter : adapters) {
      Lookup lookup =
          lookups.compute(
              adapter.id(),
              (id, old) -> old != null && now - old.started() < maxAgeNanos ? old : start(adapter));
      pending.put(adapter.id(), lookup.version());
    }
    long deadline = now + wait.toNanos();
    Map<String, String> versions = new HashMap<>();
    pending.forEach((id, future) -> versions.put(id, await(future, deadline)));
    return versions;
  }

  private Lookup start(ToolAdapter adapter) {
    return new Lookup(
        nanos.getAsLong(), CompletableFuture.supplyAsync(() -> version(adapter), runner));
  }

  private static Optional<String> version(ToolAdapter adapter) {
    try {
      return adapter.installedVersion();
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  private String await(CompletableFuture<Optional<String>> future, long deadline) {
    try {
      long left = Math.max(0, deadline - nanos.getAsLong());
      return future.get(left, TimeUnit.NANOSECONDS).orElse(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return null;
    }
  }

  private record Lookup(long started, CompletableFuture<Optional<String>> version) {}
}
