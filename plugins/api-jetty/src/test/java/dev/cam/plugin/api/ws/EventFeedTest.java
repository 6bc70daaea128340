package dev.cam.plugin.api.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cam.api.AgentEvent;
import dev.cam.platform.event.StoredEventBus;
import dev.cam.platform.log.JsonlAgentLogs;
import dev.cam.platform.store.Store;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one database file: this process's bus and another writer's. */
class EventFeedTest {
  @TempDir Path dir;
  private Store mine;
  private Store theirs;
  private StoredEventBus here;
  private StoredEventBus elsewhere;
  private final List<Long> delivered = new CopyOnWriteArrayList<>();
  private final AtomicBoolean listening = new AtomicBoolean(true);
  private EventFeed feed;

  @BeforeEach
  void open() {
    mine = Store.open(dir.resolve("cam.db"));
    theirs = Store.open(dir.resolve("cam.db"));
    here = new StoredEventBus(mine.events(), new JsonlAgentLogs(dir.resolve("logs")));
    elsewhere = new StoredEventBus(theirs.events(), new JsonlAgentLogs(dir.resolve("logs2")));
    here.publish(null, "before", Map.of());
    feed = new EventFeed(here, e -> delivered.add(e.seq()), listening::get);
    feed.start();
    here.subscribe("*", feed::onBus);
  }

  @AfterEach
  void close() {
    theirs.close();
    mine.close();
  }

  private long foreign() {
    return elsewhere.publish(null, "foreign", Map.of()).seq();
  }

  private long local() {
    return here.publish(null, "local", Map.of()).seq();
  }

  @Test
  void aLocalEventAfterForeignOnesBringsThemFirstInOrder() {
    long a = foreign();
    long b = foreign();
    long c = local();

    assertEquals(List.of(a, b, c), delivered);
    feed.poll();
    assertEquals(List.of(a, b, c), delivered, "nothing twice");
  }

  @Test
  void pollingDeliversForeignEventsAndTheBusSkipsWhatWasDelivered() {
    long a = foreign();
    feed.poll();
    long b = local();
    long c = foreign();
    feed.poll();
    feed.poll();

    assertEquals(List.of(a, b, c), delivered);
  }

  @Test
  void withNobodyListeningNothingIsReadAndLaterEventsStartFresh() {
    listening.set(false);
    foreign();
    local();
    feed.poll();
    listening.set(true);
    long next = foreign();
    feed.poll();

    assertEquals(List.of(next), delivered);
  }

  @Test
  void eventsBeforeTheStartAreNotDelivered() {
    assertEquals(List.of(), delivered);
    feed.poll();
    assertEquals(List.of(), delivered);
    AgentEvent first = here.since(0, null, 1).get(0);
    assertEquals("before", first.type());
  }
}
