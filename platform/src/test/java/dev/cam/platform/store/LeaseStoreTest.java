package dev.cam.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseStoreTest {
  private static final Duration TTL = Duration.ofSeconds(30);
  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private Store store;
  private LeaseStore leases;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("cam.db"), clock);
    leases = store.leases();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aHeldLeaseKeepsOthersOut() {
    assertTrue(leases.tryAcquire("a1", "one", TTL));
    assertFalse(leases.tryAcquire("a1", "two", TTL));
    assertEquals("one", leases.current("a1").orElseThrow().owner());
    assertTrue(leases.tryAcquire("a2", "two", TTL), "leases are per agent");
  }

  @Test
  void theOwnerMayAcquireAgainToExtend() {
    assertTrue(leases.tryAcquire("a1", "one", TTL));
    Instant acquired = leases.current("a1").orElseThrow().acquiredAt();
    clock.advance(Duration.ofSeconds(20));
    assertTrue(leases.tryAcquire("a1", "one", TTL));
    assertEquals(acquired, leases.current("a1").orElseThrow().acquiredAt());
    clock.advance(Duration.ofSeconds(20));
    assertFalse(leases.tryAcquire("a1", "two", TTL), "the lease was extended");
  }

  @Test
  void anExpiredLeaseIsAdoptedAndTheOldOwnerCannotRenew() {
    assertTrue(leases.tryAcquire("a1", "one", TTL));
    clock.advance(TTL);
    assertTrue(leases.current("a1").isEmpty());
    assertTrue(leases.tryAcquire("a1", "two", TTL));
    assertFalse(leases.renew("a1", "one", TTL));
    assertFalse(leases.release("a1", "one"));
    assertEquals("two", leases.current("a1").orElseThrow().owner());
  }

  @Test
  void renewingKeepsTheLeaseAndReleasingFreesIt() {
    assertTrue(leases.tryAcquire("a1", "one", TTL));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(20));
      assertTrue(leases.renew("a1", "one", TTL));
    }
    assertFalse(leases.tryAcquire("a1", "two", TTL));
    assertTrue(leases.release("a1", "one"));
    assertTrue(leases.tryAcquire("a1", "two", TTL));
  }
}
