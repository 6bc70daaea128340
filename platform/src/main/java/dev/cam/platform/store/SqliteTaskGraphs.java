package dev.cam.platform.store;

import dev.cam.api.AmbiguousIdException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Task graph runs in SQLite ({@code task_graphs} and {@code tasks}), so every CAM process can show
 * a graph that one process runs. Threading: safe from any thread and process.
 */
public final class SqliteTaskGraphs {
  private static final int MAX_CANDIDATES = 10;
  private final Db db;
  private final StoreJson json;

  SqliteTaskGraphs(Db db, StoreJson json) {
    this.db = db;
    this.json = json;
  }

  /** Stores a new graph run with all its tasks. */
  public void insert(TaskGraphRun run) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO task_graphs (id, name, status, created_at, finished_at)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, run.id());
            p.setString(2, run.name());
            p.setString(3, run.status().wireName());
            p.setLong(4, run.createdAt().toEpochMilli());
            millis(p, 5, run.finishedAt());
            p.executeUpdate();
          }
          for (int i = 0; i < run.tasks().size(); i++) {
            insertTask(c, run.id(), i, run.tasks().get(i));
          }
          return null;
        });
  }

  private void insertTask(Connection c, String graphId, int position, TaskRun t)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO tasks (graph_id, position, name, depends_on, status, agent_id, reason,"
                + " started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, graphId);
      p.setInt(2, position);
      p.setString(3, t.name());
      p.setString(4, json.write(t.dependsOn()));
      p.setString(5, t.status().wireName());
      p.setString(6, t.agentId());
      p.setString(7, t.reason());
      millis(p, 8, t.startedAt());
      millis(p, 9, t.finishedAt());
      p.executeUpdate();
    }
  }

  /** Saves one task's status, agent, reason and times. */
  public void updateTask(String graphId, TaskRun t) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE tasks SET status = ?, agent_id = ?, reason = ?, started_at = ?,"
                      + " finished_at = ? WHERE graph_id = ? AND name = ?")) {
            p.setString(1, t.status().wireName());
            p.setString(2, t.agentId());
            p.setString(3, t.reason());
            millis(p, 4, t.startedAt());
            millis(p, 5, t.finishedAt());
            p.setString(6, graphId);
            p.setString(7, t.name());
            return p.executeUpdate();
          }
        });
  }

  /** Saves the graph's own status and end. */
  public void updateGraph(String graphId, TaskStatus status, Instant finishedAt) {
    db.write(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE task_graphs SET status = ?, finished_at = ? WHERE id = ?")) {
            p.setString(1, status.wireName());
            millis(p, 2, finishedAt);
            p.setString(3, graphId);
            return p.executeUpdate();
          }
        });
  }

  /** The graph with this id or unique prefix. */
  public TaskGraphRun find(String idOrPrefix) {
    String prefix = idOrPrefix == null ? "" : idOrPrefix.trim().toLowerCase(Locale.ROOT);
    if (prefix.isEmpty()) {
      throw new InvalidInputException("give a task graph id or the first characters of one");
    }
    List<String> ids =
        db.read(
            c ->
                ids(
                    c,
                    "SELECT id FROM task_graphs WHERE id >= ? AND id < ? ORDER BY id LIMIT "
                        + MAX_CANDIDATES,
                    prefix));
    if (ids.contains(prefix)) {
      return load(prefix);
    }
    if (ids.isEmpty()) {
      throw new NotFoundException("task graph", idOrPrefix, "run 'cam tasks' to see them");
    }
    if (ids.size() > 1) {
      throw new AmbiguousIdException("task graph", prefix, ids);
    }
    return load(ids.get(0));
  }

  /** Graphs, newest first; {@code limit} 0 for all. */
  public List<TaskGraphRun> list(int limit) {
    List<String> ids =
        db.read(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement(
                      "SELECT id FROM task_graphs ORDER BY created_at DESC, id DESC LIMIT ?")) {
                p.setInt(1, limit <= 0 ? -1 : limit);
                return strings(p);
              }
            });
    return ids.stream().map(this::load).toList();
  }

  private TaskGraphRun load(String id) {
    return db.read(c -> TaskGraphRows.read(c, id, json));
  }

  private static List<String> ids(Connection c, String sql, String prefix) throws SQLException {
    String upper =
        prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, prefix);
      p.setString(2, upper);
      return strings(p);
    }
  }

  private static List<String> strings(PreparedStatement p) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  static void millis(PreparedStatement p, int index, Instant at) throws SQLException {
    if (at == null) {
      p.setNull(index, Types.INTEGER);
    } else {
      p.setLong(index, at.toEpochMilli());
    }
  }
}
