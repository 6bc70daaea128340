package dev.cam.platform.store;

import dev.cam.api.AgentEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events in SQLite with a global sequence number: {@code INTEGER PRIMARY KEY AUTOINCREMENT}
 * assigned inside the writing transaction, so numbers are strictly increasing in commit order,
 * across threads and processes, with no gaps (a rolled-back insert gives its number back).
 *
 * <p>Threading: safe from any thread and process.
 */
public final class EventStore {
  private static final String COLUMNS = "seq, agent_id, type, ts, detail";
  private final Db db;
  private final StoreJson json;

  EventStore(Db db, StoreJson json) {
    this.db = db;
    this.json = json;
  }

  /**
   * Stores an event and returns it exactly as {@link #since} will return it later: its sequence
   * number, the time to the millisecond, the detail as read back from JSON (null values dropped).
   */
  public AgentEvent append(String agentId, String type, Instant ts, Map<String, Object> detail) {
    Objects.requireNonNull(type, "type");
    Map<String, Object> clean = new LinkedHashMap<>();
    if (detail != null) {
      detail.forEach(
          (k, v) -> {
            if (v != null) {
              clean.put(k, v);
            }
          });
    }
    String text = json.write(clean);
    Instant at = Instant.ofEpochMilli(ts.toEpochMilli());
    long seq = db.write(c -> insert(c, agentId, type, at, text));
    return new AgentEvent(seq, agentId, type, at, json.map(text));
  }

  private static long insert(Connection c, String agentId, String type, Instant at, String detail)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO events (agent_id, type, ts, detail) VALUES (?, ?, ?, ?) RETURNING seq")) {
      p.setString(1, agentId);
      p.setString(2, type);
      p.setLong(3, at.toEpochMilli());
      p.setString(4, detail);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Events with {@code seq > afterSeq}, oldest first.
   *
   * @param agentId only this agent's, or {@code null} for all
   * @param limit at most this many; 0 or less for all
   */
  public List<AgentEvent> since(long afterSeq, String agentId, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM events WHERE seq > ?"
            + (agentId == null ? "" : " AND agent_id = ?")
            + " ORDER BY seq LIMIT ?";
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setLong(i++, afterSeq);
            if (agentId != null) {
              p.setString(i++, agentId);
            }
            p.setInt(i, limit <= 0 ? -1 : limit);
            return collect(p);
          }
        });
  }

  /** The highest sequence number stored (0 when none). */
  public long lastSeq() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT coalesce(max(seq), 0) FROM events")) {
            return r.next() ? r.getLong(1) : 0L;
          }
        });
  }

  private List<AgentEvent> collect(PreparedStatement p) throws SQLException {
    List<AgentEvent> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(
            new AgentEvent(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                Instant.ofEpochMilli(r.getLong(4)),
                json.map(r.getString(5))));
      }
    }
    return out;
  }
}
