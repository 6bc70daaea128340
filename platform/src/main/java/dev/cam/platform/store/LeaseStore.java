package dev.cam.platform.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Monitor leases: at most one live owner per agent, across processes. A lease that is not renewed
 * before it expires may be taken by anyone (that is how a crashed monitor's agents are adopted).
 * Each operation is one statement in one immediate transaction, so two processes racing for the
 * same lease cannot both win. Times come from the wall clock of the calling process.
 *
 * <p>Threading: safe from any thread and process.
 */
public final class LeaseStore {
  private final Db db;
  private final Clock clock;

  LeaseStore(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Takes the lease when it is free, expired or already {@code owner}'s (then extends it). */
  public boolean tryAcquire(String agentId, String owner, Duration ttl) {
    long now = clock.millis();
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO leases (agent_id, owner, acquired_at, expires_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT(agent_id) DO UPDATE SET"
                      + " acquired_at = CASE WHEN leases.owner = excluded.owner"
                      + " THEN leases.acquired_at ELSE excluded.acquired_at END,"
                      + " owner = excluded.owner, expires_at = excluded.expires_at"
                      + " WHERE leases.owner = excluded.owner OR leases.expires_at <= ?")) {
            p.setString(1, agentId);
            p.setString(2, owner);
            p.setLong(3, now);
            p.setLong(4, now + ttl.toMillis());
            p.setLong(5, now);
            return p.executeUpdate() > 0;
          }
        });
  }

  /** Extends {@code owner}'s lease; false when the lease is no longer theirs. */
  public boolean renew(String agentId, String owner, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE leases SET expires_at = ? WHERE agent_id = ? AND owner = ?")) {
            p.setLong(1, expires);
            p.setString(2, agentId);
            p.setString(3, owner);
            return p.executeUpdate() > 0;
          }
        });
  }

  /** Gives the lease up; false when it was not {@code owner}'s. */
  public boolean release(String agentId, String owner) {
    return db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM leases WHERE agent_id = ? AND owner = ?")) {
            p.setString(1, agentId);
            p.setString(2, owner);
            return p.executeUpdate() > 0;
          }
        });
  }

  /** The lease unless it is missing or expired. */
  public Optional<Lease> current(String agentId) {
    long now = clock.millis();
    return db.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT owner, acquired_at, expires_at FROM leases"
                      + " WHERE agent_id = ? AND expires_at > ?")) {
            p.setString(1, agentId);
            p.setLong(2, now);
            try (ResultSet r = p.executeQuery()) {
              return r.next()
                  ? Optional.of(
                      new Lease(
                          agentId,
                          r.getString(1),
                          Instant.ofEpochMilli(r.getLong(2)),
                          Instant.ofEpochMilli(r.getLong(3))))
                  : Optional.<Lease>empty();
            }
          }
        });
  }
}
