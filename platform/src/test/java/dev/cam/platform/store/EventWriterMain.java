package dev.cam.platform.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A separate process appending events: {@code <db> <agent-id> <count>} (count 0 = until killed).
 * Prints each sequence number after its transaction committed.
 */
public final class EventWriterMain {
  private EventWriterMain() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[2]);
    try (Store store = Store.open(Path.of(args[0]))) {
      for (int i = 0; count == 0 || i < count; i++) {
        long seq = store.events().append(args[1], "output", Instant.now(), Map.of("i", i)).seq();
        System.out.println(seq);
        System.out.flush();
      }
    }
  }
}
