package dev.cam.platform.store;

import dev.cam.api.Machine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/** Values spread over or packed into columns: machines, instants, durations. */
final class Columns {
  /** The four machine columns, in order. */
  static final String MACHINE = "host, user, port, key_file";

  private Columns() {}

  static void setMachine(PreparedStatement p, int first, Machine m) throws SQLException {
    p.setString(first, m.host());
    p.setString(first + 1, m.user());
    p.setInt(first + 2, m.port());
    p.setString(first + 3, m.keyFile());
  }

  static Machine machine(ResultSet r, int first) throws SQLException {
    String host = r.getString(first);
    return host == null
        ? Machine.LOCAL
        : new Machine(host, r.getString(first + 1), r.getInt(first + 2), r.getString(first + 3));
  }

  static void setMillis(PreparedStatement p, int index, Instant value) throws SQLException {
    setLong(p, index, value == null ? null : value.toEpochMilli());
  }

  static void setMillis(PreparedStatement p, int index, Duration value) throws SQLException {
    setLong(p, index, value == null ? null : value.toMillis());
  }

  private static void setLong(PreparedStatement p, int index, Long value) throws SQLException {
    if (value == null) {
      p.setNull(index, Types.INTEGER);
    } else {
      p.setLong(index, value);
    }
  }

  static Instant instant(ResultSet r, int index) throws SQLException {
    long millis = r.getLong(index);
    return r.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Duration duration(ResultSet r, int index) throws SQLException {
    long millis = r.getLong(index);
    return r.wasNull() ? null : Duration.ofMillis(millis);
  }
}
