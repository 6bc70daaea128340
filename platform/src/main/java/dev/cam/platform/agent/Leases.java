package dev.cam.platform.agent;

import java.time.Duration;

/**
 * Who monitors which agent, across CAM processes: the store's lease table seen from the manager. A
 * lease has an owner and an expiry; an expired lease may be taken by anyone.
 *
 * <p>Threading: safe from any thread and process.
 */
public interface Leases {
  /** Takes the lease when it is free, expired or already ours; true when we hold it now. */
  boolean tryAcquire(String agentId, String owner, Duration ttl);

  /** Extends our lease; false when it is not ours any more. */
  boolean renew(String agentId, String owner, Duration ttl);

  /** Gives the lease up when it is ours. */
  void release(String agentId, String owner);
}
