package dev.cam.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one SQLite file. Connection strategy: one writer connection, used by one thread at
 * a time under a lock, every write a short {@code BEGIN IMMEDIATE} transaction (so writers from
 * other processes queue on SQLite's lock, up to the busy timeout, instead of failing mid-way); and
 * a small pool of reader connections, which in WAL mode read a consistent snapshot without blocking
 * the writer. A connection is never used by two threads at once.
 */
final class Db implements AutoCloseable {
  static final int BUSY_TIMEOUT_MS = 5000;
  private static final int MAX_READERS = 4;

  private final Path file;
  private final String url;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
  private final List<Connection> all = new ArrayList<>();
  private Connection writer;
  private boolean closed;

  Db(Path file) {
    this.file = file;
    this.url = "jdbc:sqlite:" + file;
  }

  Path file() {
    return file;
  }

  /**
   * Runs {@code work} in one immediate transaction: committed when it returns, else rolled back.
   */
  <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      Connection c = writer();
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
      try {
        T result = work.apply(c);
        try (Statement s = c.createStatement()) {
          s.execute("COMMIT");
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw failure("write to", e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on a reader connection (auto-commit: each statement is one snapshot). */
  <T> T read(SqlWork<T> work) {
    Connection c = borrowReader();
    try {
      return work.apply(c);
    } catch (SQLException e) {
      throw failure("read", e);
    } finally {
      idleReaders.offer(c);
    }
  }

  private Connection writer() throws SQLException {
    synchronized (all) {
      if (writer == null) {
        writer = open();
      }
      return writer;
    }
  }

  private Connection borrowReader() {
    Connection c = idleReaders.poll();
    if (c != null) {
      return c;
    }
    synchronized (all) {
      if (all.size() < MAX_READERS + 1) {
        try {
          return open();
        } catch (SQLException e) {
          throw failure("open", e);
        }
      }
    }
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a connection to " + file, e);
    }
  }

  private Connection open() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    Connection c = config.createConnection(url);
    all.add(c);
    return c;
  }

  private static void rollback(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // the transaction is already gone (SQLite rolls back by itself on some errors)
    }
  }

  StoreException failure(String what, SQLException e) {
    String hint =
        e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY")
            ? "another CAM process held the store longer than " + BUSY_TIMEOUT_MS + " ms; try again"
            : "check that the file and its directory are writable and the disk is not full";
    return new StoreException(
        "could not " + what + " the store " + file + ": " + e.getMessage() + " (" + hint + ")", e);
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      synchronized (all) {
        closed = true;
        for (Connection c : all) {
          try {
            c.close();
          } catch (SQLException ignored) {
            // closing anyway
          }
        }
        all.clear();
        idleReaders.clear();
        writer = null;
      }
    } finally {
      writeLock.unlock();
    }
  }
}
