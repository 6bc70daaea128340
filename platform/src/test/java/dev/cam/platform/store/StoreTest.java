package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path tmp;

  @Test
  void openCreatesDirectoriesAndAWalDatabase() {
    Path file = tmp.resolve("a/b/cam.db");
    try (Store store = Store.open(file)) {
      assertTrue(Files.isRegularFile(file));
      assertEquals(2, store.schemaVersion());
      String mode =
          store
              .db()
              .read(
                  c -> {
                    try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                      r.next();
                      return r.getString(1);
                    }
                  });
      assertEquals("wal", mode);
      assertEquals("ok", store.integrityCheck());
    }
  }

  @Test
  void reopeningAppliesNoMigrationTwiceAndKeepsData() {
    Path file = tmp.resolve("cam.db");
    try (Store store = Store.open(file)) {
      store.agents().save(Agents.agent("abc", AgentStatus.PENDING, "claude", null, Instant.now()));
    }
    try (Store store = Store.open(file)) {
      assertEquals(2, store.schemaVersion());
      int rows =
          store
              .db()
              .read(
                  c -> {
                    try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT count(*) FROM schema_version")) {
                      r.next();
                      return r.getInt(1);
                    }
                  });
      assertEquals(2, rows);
      assertEquals("abc", store.agents().find("abc").id());
    }
  }
}
