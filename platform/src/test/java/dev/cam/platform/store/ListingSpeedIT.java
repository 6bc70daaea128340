package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long a fresh JVM takes to open a store with 1,000 agents and 100,000 events and list every
 * agent, measured against an empty JVM start in the same run.
 */
class ListingSpeedIT {
  @TempDir Path tmp;

  @Test
  void coldListingOfAThousandAgentsIsQuick() throws Exception {
    Path db = tmp.resolve("cam.db");
    seed(db);
    List<Long> floor = new ArrayList<>();
    List<Long> listing = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      floor.add(timed("ready", EmptyMain.class));
      listing.add(timed("1000 100000", ListMain.class, db.toString()));
    }
    long floorMedian = median(floor);
    long listMedian = median(listing);
    System.out.println("cold JVM start: median " + floorMedian + " ms of " + floor);
    System.out.println(
        "cold open + list of 1000 agents (100000 events): median "
            + listMedian
            + " ms of "
            + listing);
    // A loose guard against regressions such as reading every event; both numbers grow together
    // on a busy machine, so the guard is relative to the bare JVM start.
    assertTrue(
        listMedian < 15 * floorMedian,
        "cold listing took " + listMedian + " ms, a bare JVM " + floorMedian + " ms");
  }

  private long timed(String expected, Class<?> main, String... args) throws Exception {
    long start = System.nanoTime();
    Process p = JavaProcess.start(tmp.resolve("run.err"), main, args);
    String out;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      out = r.readLine();
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(expected, out);
    return millis;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void seed(Path file) {
    try (Store store = Store.open(file)) {
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      store
          .db()
          .write(
              c -> {
                try (PreparedStatement p = c.prepareStatement(AgentRows.UPSERT)) {
                  AgentRows rows = new AgentRows(new StoreJson());
                  for (int i = 0; i < 1000; i++) {
                    rows.bind(
                        p,
                        Agents.agent(
                            String.format("%016x", i * 7919L),
                            AgentStatus.COMPLETED,
                            "claude",
                            null,
                            t0.plusSeconds(i)));
                    p.addBatch();
                  }
                  p.executeBatch();
                }
                try (PreparedStatement p =
                    c.prepareStatement(
                        "INSERT INTO events (agent_id, type, ts, detail) VALUES (?, 'output', ?, ?)")) {
                  for (int i = 0; i < 100_000; i++) {
                    p.setString(1, String.format("%016x", (i % 1000) * 7919L));
                    p.setLong(2, t0.toEpochMilli() + i);
                    p.setString(3, "{\"text\":\"line " + i + "\"}");
                    p.addBatch();
                  }
                  p.executeBatch();
                }
                return null;
              });
    }
  }
}
