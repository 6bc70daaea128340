package dev.cam.platform.store;

import dev.cam.api.NotFoundException;
import dev.cam.api.TaskGraphRun;
import dev.cam.api.TaskRun;
import dev.cam.api.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one task graph run and its tasks from their rows. */
final class TaskGraphRows {
  private TaskGraphRows() {}

  static TaskGraphRun read(Connection c, String id, StoreJson json) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT name, status, created_at, finished_at FROM task_graphs WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw new NotFoundException("task graph", id, "run 'cam tasks' to see them");
        }
        return new TaskGraphRun(
            id,
            r.getString(1),
            status(r.getString(2)),
            Instant.ofEpochMilli(r.getLong(3)),
            instant(r, 4),
            tasks(c, id, json));
      }
    }
  }

  private static List<TaskRun> tasks(Connection c, String id, StoreJson json) throws SQLException {
    List<TaskRun> tasks = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT name, depends_on, status, agent_id, reason, started_at, finished_at"
                + " FROM tasks WHERE graph_id = ? ORDER BY position")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          tasks.add(
              new TaskRun(
                  r.getString(1),
                  json.strings(r.getString(2)),
                  status(r.getString(3)),
                  r.getString(4),
                  r.getString(5),
                  instant(r, 6),
                  instant(r, 7)));
        }
      }
    }
    return tasks;
  }

  private static TaskStatus status(String text) {
    return TaskStatus.valueOf(text.toUpperCase(Locale.ROOT));
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(value);
  }
}
