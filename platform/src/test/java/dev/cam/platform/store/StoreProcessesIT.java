package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several CAM processes on one store file. */
class StoreProcessesIT {
  @TempDir Path tmp;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Process writer(String agent, int count) throws Exception {
    Process p =
        JavaProcess.start(
            tmp.resolve(agent + ".err"),
            EventWriterMain.class,
            tmp.resolve("cam.db").toString(),
            agent,
            String.valueOf(count));
    started.add(p);
    return p;
  }

  private static List<Long> read(Process p, int atLeast) throws Exception {
    List<Long> seqs = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    for (String line; seqs.size() < atLeast && (line = out.readLine()) != null; ) {
      seqs.add(Long.parseLong(line.trim()));
    }
    return seqs;
  }

  @Test
  void twoProcessesGetGapFreeIncreasingNumbers() throws Exception {
    int each = 300;
    try (Store store = Store.open(tmp.resolve("cam.db"))) {
      Process a = writer("a", each);
      Process b = writer("b", each);
      List<Long> fromA = read(a, each);
      List<Long> fromB = read(b, each);
      assertEquals(0, a.waitFor(), () -> errors("a"));
      assertEquals(0, b.waitFor(), () -> errors("b"));

      List<AgentEvent> stored = store.events().since(0, null, 0);
      assertEquals(
          LongStream.rangeClosed(1, 2L * each).boxed().toList(),
          stored.stream().map(AgentEvent::seq).toList());
      assertEquals(fromA, seqsOf(store, "a"));
      assertEquals(fromB, seqsOf(store, "b"));
      assertEquals("ok", store.integrityCheck());
    }
  }

  @Test
  void killedWriterLosesNothingItCommitted() throws Exception {
    Process w = writer("w", 0);
    List<Long> committed = read(w, 500);
    w.destroyForcibly();
    w.waitFor(10, TimeUnit.SECONDS);
    assertEquals(500, committed.size(), () -> errors("w"));

    try (Store store = Store.open(tmp.resolve("cam.db"))) {
      assertEquals("ok", store.integrityCheck());
      List<Long> stored = seqsOf(store, "w");
      assertTrue(stored.containsAll(committed), "every printed (committed) event is stored");
      assertEquals(LongStream.rangeClosed(1, stored.size()).boxed().toList(), stored);
      long next = store.events().append("x", "output", Instant.now(), Map.of()).seq();
      assertEquals(stored.size() + 1L, next, "the store takes writes after the kill");
    }
  }

  private static List<Long> seqsOf(Store store, String agent) {
    return store.events().since(0, agent, 0).stream().map(AgentEvent::seq).toList();
  }

  private String errors(String agent) {
    try {
      return Files.readString(tmp.resolve(agent + ".err"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
