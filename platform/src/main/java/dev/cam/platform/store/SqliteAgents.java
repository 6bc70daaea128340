package dev.cam.platform.store;

import dev.cam.api.Agent;
import dev.cam.api.AgentQuery;
import dev.cam.api.AgentStatus;
import dev.cam.api.Agents;
import dev.cam.api.AmbiguousIdException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Agents in SQLite. Instants are stored with millisecond precision. Lookups by prefix use the
 * primary key's order (a range scan), lists use the {@code (status, created_at)} and {@code
 * created_at} indexes. Threading: safe from any thread and process.
 */
public final class SqliteAgents implements Agents {
  private static final int MAX_CANDIDATES = 10;
  private final Db db;
  private final AgentRows rows;

  SqliteAgents(Db db, StoreJson json) {
    this.db = db;
    this.rows = new AgentRows(json);
  }

  @Override
  public Agent find(String idOrPrefix) {
    String prefix = idOrPrefix == null ? "" : idOrPrefix.trim().toLowerCase(Locale.ROOT);
    if (prefix.isEmpty()) {
      throw new InvalidInputException("give an agent id or the first characters of one");
    }
    List<Agent> matches = db.read(c -> byPrefix(c, prefix));
    for (Agent a : matches) {
      if (a.id().equals(prefix)) {
        return a;
      }
    }
    if (matches.isEmpty()) {
      throw new NotFoundException("agent", idOrPrefix, "run 'cam list' to see the agents");
    }
    if (matches.size() > 1) {
      throw new AmbiguousIdException("agent", prefix, matches.stream().map(Agent::id).toList());
    }
    return matches.get(0);
  }

  private List<Agent> byPrefix(Connection c, String prefix) throws SQLException {
    String upper =
        prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT "
                + AgentRows.COLUMNS
                + " FROM agents WHERE id >= ? AND id < ? ORDER BY id"
                + " LIMIT "
                + MAX_CANDIDATES)) {
      p.setString(1, prefix);
      p.setString(2, upper);
      return collect(p);
    }
  }

  @Override
  public List<Agent> list(AgentQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + AgentRows.COLUMNS + " FROM agents");
    List<Object> params = new ArrayList<>();
    List<String> where = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      where.add(
          "status IN ("
              + String.join(", ", query.statuses().stream().map(s -> "?").toList())
              + ")");
      query.statuses().stream().map(AgentStatus::wireName).sorted().forEach(params::add);
    }
    if (query.tool() != null) {
      where.add("tool = ?");
      params.add(query.tool());
    }
    if (query.context() != null) {
      where.add("context = ?");
      params.add(query.context());
    }
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
    params.add(query.limit() == 0 ? -1 : query.limit());
    params.add(query.offset());
    return db.read(
        c -> {
          try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
              p.setObject(i + 1, params.get(i));
            }
            return collect(p);
          }
        });
  }

  @Override
  public void save(Agent agent) {
    db.write(
        c -> {
          try (PreparedStatement p = c.prepareStatement(AgentRows.UPSERT)) {
            rows.bind(p, agent);
            return p.executeUpdate();
          }
        });
  }

  /** Deletes the agent's record (its events stay); returns whether there was one. */
  @Override
  public boolean delete(String id) {
    return db.write(
        c -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM agents WHERE id = ?")) {
            p.setString(1, id);
            return p.executeUpdate() > 0;
          }
        });
  }

  private List<Agent> collect(PreparedStatement p) throws SQLException {
    List<Agent> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(rows.read(r));
      }
    }
    return out;
  }
}
