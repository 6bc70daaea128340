package dev.cam.plugin.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {
  private final AtomicLong now = new AtomicLong();
  private final FailedAttempts attempts = new FailedAttempts(3, Duration.ofSeconds(60), now::get);

  @Test
  void anAddressIsBlockedAfterTheLimitUntilItsWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, attempts.blockedFor("10.0.0.1"));
      attempts.failed("10.0.0.1");
    }
    assertEquals(60, attempts.blockedFor("10.0.0.1"));
    assertEquals(0, attempts.blockedFor("10.0.0.2"), "other addresses are not affected");
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertEquals(0, attempts.blockedFor("10.0.0.1"));
  }

  @Test
  void tokensAreComparedWhole() {
    TokenCheck check = new TokenCheck("abc");
    assertTrue(check.matches("abc"));
    assertFalse(check.matches("abcd"));
    assertFalse(check.matches("ab"));
    assertFalse(check.matches(null));
  }
}
