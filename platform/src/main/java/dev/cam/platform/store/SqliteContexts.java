package dev.cam.platform.store;

import dev.cam.api.Context;
import dev.cam.api.Contexts;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Contexts in SQLite, listed by name. Threading: safe from any thread and process. */
public final class SqliteContexts implements Contexts {
  private static final String HINT = "run 'cam context list' to see the contexts";
  private final Db db;
  private final StoreJson json;
  private final Clock clock;

  SqliteContexts(Db db, StoreJson json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public List<Context> list() {
    return db.read(
        c ->
            query(
                c,
                "SELECT name, path, " + Columns.MACHINE + ", tags FROM contexts ORDER BY name",
                null));
  }

  @Override
  public Context get(String name) {
    List<Context> found =
        db.read(
            c ->
                query(
                    c,
                    "SELECT name, path, " + Columns.MACHINE + ", tags FROM contexts WHERE name = ?",
                    name));
    if (found.isEmpty()) {
      throw new NotFoundException("context", name, HINT);
    }
    return found.get(0);
  }

  @Override
  public Context add(Context context) {
    int added =
        db.write(
            c ->
                update(
                    c,
                    "INSERT INTO contexts (path, "
                        + Columns.MACHINE
                        + ", tags, name, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING",
                    context,
                    true));
    if (added == 0) {
      throw new InvalidInputException(
          "context '" + context.name() + "' exists already: pick another name or update it");
    }
    return context;
  }

  @Override
  public Context update(Context context) {
    int updated =
        db.write(
            c ->
                update(
                    c,
                    "UPDATE contexts SET path = ?, host = ?, user = ?, port = ?, key_file = ?, tags = ?"
                        + " WHERE name = ?",
                    context,
                    false));
    if (updated == 0) {
      throw new NotFoundException("context", context.name(), HINT);
    }
    return context;
  }

  @Override
  public void remove(String name) {
    int removed =
        db.write(
            c -> {
              try (PreparedStatement p =
                  c.prepareStatement("DELETE FROM contexts WHERE name = ?")) {
                p.setString(1, name);
                return p.executeUpdate();
              }
            });
    if (removed == 0) {
      throw new NotFoundException("context", name, HINT);
    }
  }

  private int update(Connection c, String sql, Context context, boolean created)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, context.path());
      Columns.setMachine(p, 2, context.machine());
      p.setString(6, json.write(context.tags()));
      p.setString(7, context.name());
      if (created) {
        p.setLong(8, clock.millis());
      }
      return p.executeUpdate();
    }
  }

  private List<Context> query(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (name != null) {
        p.setString(1, name);
      }
      List<Context> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(
              new Context(
                  r.getString(1),
                  r.getString(2),
                  Columns.machine(r, 3),
                  json.strings(r.getString(7))));
        }
      }
      return out;
    }
  }
}
