package dev.cam.platform.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

/**
 * CAM's SQLite store: agents, contexts, events and monitor leases in one file, in WAL mode with a
 * busy timeout of 5 s and {@code synchronous=NORMAL} (a crash loses nothing committed; a power cut
 * may lose the last transactions). Opening applies missing schema migrations.
 *
 * <p>Several CAM processes may open the same file at once: writes are short immediate transactions
 * that queue on SQLite's lock. Within a process one writer connection is shared under a lock and
 * reads use a small pool of connections; every accessor is safe from any thread. Lifecycle: open
 * once per process, close at exit.
 */
public final class Store implements AutoCloseable {
  private final Db db;
  private final int schemaVersion;
  private final SqliteAgents agents;
  private final SqliteContexts contexts;
  private final EventStore events;
  private final LeaseStore leases;
  private final SqliteTaskGraphs taskGraphs;

  private Store(Db db, Clock clock) {
    this.db = db;
    StoreJson json = new StoreJson();
    this.schemaVersion = Migrations.apply(db);
    this.agents = new SqliteAgents(db, json);
    this.contexts = new SqliteContexts(db, json, clock);
    this.events = new EventStore(db, json);
    this.leases = new LeaseStore(db, clock);
    this.taskGraphs = new SqliteTaskGraphs(db, json);
  }

  /** Opens (creating when missing) the store in {@code dbFile}, with the system clock. */
  public static Store open(Path dbFile) {
    return open(dbFile, Clock.systemUTC());
  }

  /** Opens the store; {@code clock} decides lease expiry and context creation times. */
  public static Store open(Path dbFile, Clock clock) {
    Path file = dbFile.toAbsolutePath().normalize();
    prepareDirectories(file);
    SqliteNative.useCopyIn(file.getParent().resolve("native"));
    Db db = new Db(file);
    try {
      return new Store(db, clock);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * The database's parent directory, and the temporary directory where sqlite-jdbc unpacks its
   * native library (a missing one makes it fail with a misleading "No native library found").
   */
  private static void prepareDirectories(Path file) {
    Path tmp =
        Path.of(System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")));
    for (Path dir : new Path[] {file.getParent(), tmp}) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException(
            "cannot create directory "
                + dir
                + " for the store "
                + file
                + ": "
                + e
                + " (check permissions or set CAM_DATA_DIR)",
            e);
      }
    }
  }

  public SqliteAgents agents() {
    return agents;
  }

  public SqliteContexts contexts() {
    return contexts;
  }

  public EventStore events() {
    return events;
  }

  public LeaseStore leases() {
    return leases;
  }

  public SqliteTaskGraphs taskGraphs() {
    return taskGraphs;
  }

  /** The connections, for tests and tools in this package that need raw SQL. */
  Db db() {
    return db;
  }

  public Path file() {
    return db.file();
  }

  /** The schema version the file is at after opening. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** SQLite's {@code PRAGMA integrity_check}: {@code "ok"} for a healthy file. */
  public String integrityCheck() {
    return db.read(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
              out.append(out.length() == 0 ? "" : "\n").append(r.getString(1));
            }
            return out.toString();
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }
}
