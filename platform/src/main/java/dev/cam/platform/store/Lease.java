package dev.cam.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Who monitors an agent, and until when.
 *
 * @param agentId the agent
 * @param owner the holder, e.g. {@code "<host>:<pid>:<uuid>"}
 * @param acquiredAt when this owner took the lease
 * @param expiresAt when it lapses unless renewed
 */
public record Lease(String agentId, String owner, Instant acquiredAt, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
