package dev.cam.platform.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cam.api.AgentEvent;
import dev.cam.api.InvalidInputException;
import dev.cam.api.Subscription;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredEventBusTest {
  @TempDir Path tmp;
  private Store store;
  private JsonlAgentLogs logs;
  private StoredEventBus bus;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("cam.db"));
    logs = new JsonlAgentLogs(tmp.resolve("logs"));
    bus = new StoredEventBus(store.events(), logs);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void subscribersSeeAnEventOnlyAfterItIsStoredAndLogged() {
    List<String> checks = new ArrayList<>();
    bus.subscribe(
        "*",
        e -> {
          checks.add("stored=" + bus.since(e.seq() - 1, null, 1).equals(List.of(e)));
          checks.add("logged=" + logs.read("a1", 1).get(0).get("seq").equals((int) e.seq()));
        });
    AgentEvent published = bus.publish("a1", "status_change", Map.of("to", "running"));
    assertEquals(List.of("stored=true", "logged=true"), checks);
    assertEquals(1, published.seq());
    assertEquals("running", logs.read("a1", 0).get(0).get("to"));
  }

  @Test
  void patternsMatchExactTypesEverythingOrAPrefix() {
    List<String> exact = Collections.synchronizedList(new ArrayList<>());
    List<String> all = Collections.synchronizedList(new ArrayList<>());
    List<String> plugins = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe("output", e -> exact.add(e.type()));
    bus.subscribe("*", e -> all.add(e.type()));
    bus.subscribe("plugin_*", e -> plugins.add(e.type()));
    for (String type : List.of("output", "plugin_loaded", "outputs", "plugin_failed", "probe")) {
      bus.publish(null, type, Map.of());
    }
    assertEquals(List.of("output"), exact);
    assertEquals(List.of("output", "plugin_loaded", "outputs", "plugin_failed", "probe"), all);
    assertEquals(List.of("plugin_loaded", "plugin_failed"), plugins);
    assertThrows(InvalidInputException.class, () -> bus.subscribe("a*b", e -> {}));
  }

  @Test
  void aThrowingSubscriberHurtsNeitherOthersNorThePublisher() {
    List<Long> seen = new ArrayList<>();
    bus.subscribe(
        "*",
        e -> {
          throw new IllegalStateException("broken subscriber");
        });
    bus.subscribe("*", e -> seen.add(e.seq()));
    assertEquals(1, bus.publish("a1", "output", Map.of()).seq());
    assertEquals(2, bus.publish("a1", "output", Map.of()).seq());
    assertEquals(List.of(1L, 2L), seen);
  }

  @Test
  void replayFromTheStoreEqualsWhatLiveSubscribersSaw() throws Exception {
    List<AgentEvent> live = Collections.synchronizedList(new ArrayList<>());
    bus.subscribe("*", live::add);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String agent = "agent" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    bus.publish(
                        agent, "output", Map.of("i", i, "ratio", 0.5, "tags", List.of("x")));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(bus.since(0, null, 0), live, "live order is seq order and equals the replay");
    assertEquals(200, bus.lastSeq());
    assertEquals(50, bus.since(0, "agent2", 0).size());
  }

  @Test
  void anEventPublishedBySubscriberFollowsTheCurrentOneForEveryone() {
    List<String> second = new ArrayList<>();
    bus.subscribe("first", e -> bus.publish(null, "reaction", Map.of()));
    bus.subscribe("*", e -> second.add(e.seq() + ":" + e.type()));
    bus.publish(null, "first", Map.of());
    assertEquals(List.of("1:first", "2:reaction"), second);
  }

  @Test
  void aClosedSubscriptionGetsNothingMore() {
    List<Long> seen = new ArrayList<>();
    Subscription s = bus.subscribe("*", e -> seen.add(e.seq()));
    bus.publish(null, "a", Map.of());
    s.close();
    s.close();
    bus.publish(null, "b", Map.of());
    assertEquals(List.of(1L), seen);
  }
}
