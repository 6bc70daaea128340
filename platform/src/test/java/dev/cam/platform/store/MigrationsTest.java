package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MigrationsTest {
  @Test
  void latestNamesTheLastMigrationFile() {
    for (int version = 1; version <= Migrations.LATEST; version++) {
      assertTrue(Migrations.exists(version), "migrations/" + version + " is there");
    }
    assertFalse(
        Migrations.exists(Migrations.LATEST + 1),
        "a migration after LATEST: raise Migrations.LATEST");
  }
}
