package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.api.AgentEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {
  @TempDir Path tmp;

  @Test
  void appendedEventsReadBackAsReturned() {
    try (Store store = Store.open(tmp.resolve("cam.db"))) {
      EventStore events = store.events();
      assertEquals(0, events.lastSeq());
      Map<String, Object> detail = new HashMap<>();
      detail.put("from", "running");
      detail.put("count", 3L);
      detail.put("nested", Map.of("list", List.of(1, "two")));
      detail.put("dropped", null);
      AgentEvent a = events.append("a1", "status_change", Instant.now(), detail);
      AgentEvent b = events.append(null, "plugin_loaded", Instant.now(), Map.of());
      AgentEvent c = events.append("a2", "output", Instant.now(), Map.of("text", "hi"));
      assertEquals(List.of(1L, 2L, 3L), List.of(a.seq(), b.seq(), c.seq()));
      assertEquals(List.of(a, b, c), events.since(0, null, 0));
      assertEquals(List.of(b), events.since(1, null, 1));
      assertEquals(List.of(c), events.since(0, "a2", 10));
      assertEquals(3, events.lastSeq());
      assertTrue(!a.detail().containsKey("dropped"));
    }
  }

  @Test
  void fourThreadsGetGapFreeIncreasingNumbers() throws Exception {
    int perThread = 250;
    try (Store store = Store.open(tmp.resolve("cam.db"))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          String agent = "agent" + t;
          results.add(
              pool.submit(
                  () -> {
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                      seqs.add(
                          store
                              .events()
                              .append(agent, "output", Instant.now(), Map.of("i", i))
                              .seq());
                    }
                    return seqs;
                  }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
          List<Long> mine = f.get();
          List<Long> sorted = new ArrayList<>(mine);
          Collections.sort(sorted);
          assertEquals(sorted, mine, "each thread sees its numbers increase");
          all.addAll(mine);
        }
        Collections.sort(all);
        assertEquals(LongStream.rangeClosed(1, 4L * perThread).boxed().toList(), all);
        assertEquals(4L * perThread, store.events().lastSeq());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
