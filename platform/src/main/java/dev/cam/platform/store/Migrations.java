package dev.cam.platform.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Versioned schema migrations: {@code migrations/001.sql}, {@code 002.sql}, … next to this class,
 * each applied once in its own transaction and recorded in {@code schema_version}. Safe when
 * several processes open the same store at once: the version is checked again inside the write
 * transaction.
 */
final class Migrations {
  private static final String DIR = "migrations/";

  /**
   * The newest migration's number. Known here rather than found by looking for the next file: a
   * resource that is not there is looked for in every jar on the class path, on every start. {@code
   * MigrationsTest} checks that it names the last file.
   */
  static final int LATEST = 2;

  private Migrations() {}

  /** Applies every missing migration; returns the schema version reached. */
  static int apply(Db db) {
    int current = db.read(Migrations::version);
    for (int next = current + 1; next <= LATEST; next++) {
      int version = next;
      db.write(c -> migrate(c, version));
      current = version;
    }
    return current;
  }

  static boolean exists(int version) {
    return Migrations.class.getResource(name(version)) != null;
  }

  private static String name(int version) {
    String number = Integer.toString(version);
    return DIR + "000".substring(Math.min(3, number.length())) + number + ".sql";
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                    + " AND name = 'schema_version'")) {
      if (r.next() && r.getInt(1) == 0) {
        return 0;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static Void migrate(Connection c, int version) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)");
    }
    if (version(c) >= version) {
      return null;
    }
    try (Statement s = c.createStatement()) {
      for (String sql : script(version).split(";\\s*(\\n|$)")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)")) {
      p.setInt(1, version);
      p.setLong(2, System.currentTimeMillis());
      p.executeUpdate();
    }
    return null;
  }

  private static String script(int version) {
    try (InputStream in = Migrations.class.getResourceAsStream(name(version))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
