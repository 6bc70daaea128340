package dev.cam.platform.agent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Holds this process's monitor leases and renews them every third of their time to live; a lease
 * that can't be renewed was taken by another process and is reported lost.
 */
final class LeaseKeeper {
  private final Leases leases;
  private final String owner;
  private final Duration ttl;
  private final Consumer<String> lost;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> heartbeat;

  LeaseKeeper(Leases leases, String owner, Duration ttl, Consumer<String> lost) {
    this.leases = leases;
    this.owner = owner;
    this.ttl = ttl;
    this.lost = lost;
  }

  void start(ScheduledExecutorService scheduler) {
    long every = Math.max(1, ttl.toMillis() / 3);
    heartbeat =
        scheduler.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
  }

  boolean acquire(String agentId) {
    if (leases.tryAcquire(agentId, owner, ttl)) {
      held.add(agentId);
      return true;
    }
    return false;
  }

  void release(String agentId) {
    if (held.remove(agentId)) {
      leases.release(agentId, owner);
    }
  }

  void releaseAll() {
    held.forEach(this::release);
  }

  void stop() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
  }

  private void renewAll() {
    for (String agentId : held) {
      try {
        if (!leases.renew(agentId, owner, ttl)) {
          held.remove(agentId);
          lost.accept(agentId);
        }
      } catch (RuntimeException e) {
        // A busy store must not end the heartbeat; the next round tries again.
      }
    }
  }
}
