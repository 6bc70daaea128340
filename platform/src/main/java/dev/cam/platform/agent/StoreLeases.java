package dev.cam.platform.agent;

import dev.cam.platform.store.LeaseStore;
import java.time.Duration;

/** The manager's {@link Leases} over the store's lease table. */
public final class StoreLeases implements Leases {
  private final LeaseStore store;

  public StoreLeases(LeaseStore store) {
    this.store = store;
  }

  @Override
  public boolean tryAcquire(String agentId, String owner, Duration ttl) {
    return store.tryAcquire(agentId, owner, ttl);
  }

  @Override
  public boolean renew(String agentId, String owner, Duration ttl) {
    return store.renew(agentId, owner, ttl);
  }

  @Override
  public void release(String agentId, String owner) {
    store.release(agentId, owner);
  }
}
