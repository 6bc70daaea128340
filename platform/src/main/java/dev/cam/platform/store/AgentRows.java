package dev.cam.platform.store;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Maps {@link Agent} to the {@code agents} table and back. */
final class AgentRows {
  private static final String[] NAMES = {
    "id",
    "name",
    "tool",
    "context",
    "host",
    "user",
    "port",
    "key_file",
    "cwd",
    "prompt",
    "status",
    "state",
    "transport",
    "session",
    "created_at",
    "started_at",
    "finished_at",
    "exit_reason",
    "attempt",
    "timeout_ms",
    "idle_timeout_ms",
    "retries",
    "auto_confirm",
    "env"
  };
  static final String COLUMNS = String.join(", ", NAMES);
  static final String UPSERT =
      "INSERT INTO agents ("
          + COLUMNS
          + ") VALUES ("
          + Arrays.stream(NAMES).map(n -> "?").collect(Collectors.joining(", "))
          + ") ON CONFLICT(id) DO UPDATE SET "
          + Arrays.stream(NAMES)
              .skip(1)
              .map(n -> n + " = excluded." + n)
              .collect(Collectors.joining(", "));

  private final StoreJson json;

  AgentRows(StoreJson json) {
    this.json = json;
  }

  void bind(PreparedStatement p, Agent a) throws SQLException {
    p.setString(1, a.id());
    p.setString(2, a.name());
    p.setString(3, a.tool());
    p.setString(4, a.context());
    Columns.setMachine(p, 5, a.machine());
    p.setString(9, a.cwd());
    p.setString(10, a.prompt());
    p.setString(11, a.status().wireName());
    p.setString(12, a.state().name());
    p.setString(13, a.transport());
    p.setString(14, a.session());
    Columns.setMillis(p, 15, a.createdAt());
    Columns.setMillis(p, 16, a.startedAt());
    Columns.setMillis(p, 17, a.finishedAt());
    p.setString(18, a.exitReason());
    p.setInt(19, a.attempt());
    AgentOptions o = a.options();
    Columns.setMillis(p, 20, o.timeout());
    Columns.setMillis(p, 21, o.idleTimeout());
    p.setInt(22, o.retries());
    p.setBoolean(23, o.autoConfirm());
    p.setString(24, json.stringMapOrNull(o.env()));
  }

  Agent read(ResultSet r) throws SQLException {
    return new Agent(
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        Columns.machine(r, 5),
        r.getString(9),
        r.getString(10),
        AgentStatus.parse(r.getString(11)),
        AgentState.of(r.getString(12)),
        r.getString(13),
        r.getString(14),
        Instant.ofEpochMilli(r.getLong(15)),
        Columns.instant(r, 16),
        Columns.instant(r, 17),
        r.getString(18),
        r.getInt(19),
        new AgentOptions(
            Columns.duration(r, 20),
            Columns.duration(r, 21),
            r.getInt(22),
            r.getBoolean(23),
            json.stringMap(r.getString(24))));
  }
}
