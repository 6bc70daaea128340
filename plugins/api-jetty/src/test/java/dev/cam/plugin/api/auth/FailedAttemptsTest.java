package dev.cam.plugin.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {
  private final AtomicLong now = new AtomicLong();
  private final FailedAttempts attempts =
      new FailedAttempts(3, 10, Duration.ofSeconds(60), now::get);

  /** Fails like a client does: only while not refused. */
  private int guess(String key, int times) {
    int refused = 0;
    for (int i = 0; i < times; i++) {
      if (attempts.blockedFor(key) > 0) {
        refused++;
      } else {
        attempts.failed(key);
      }
    }
    return refused;
  }

  @Test
  void aClientIsBlockedAfterTheLimitUntilItsWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, attempts.blockedFor("10.0.0.1"));
      attempts.failed("10.0.0.1");
    }
    assertEquals(60, attempts.blockedFor("10.0.0.1"));
    assertEquals(0, attempts.blockedFor("10.0.0.2"), "other clients are not affected");
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    assertEquals(0, attempts.blockedFor("10.0.0.1"));
  }

  @Test
  void oneClientGuessingForeverNeverReachesTheCeiling() {
    assertEquals(997, guess("127.0.0.1 for 203.0.113.9", 1000));

    assertEquals(0, attempts.blockedFor("127.0.0.1 for 198.51.100.7"), "another relay client");
    assertEquals(0, attempts.blockedFor("127.0.0.1"));
    guess("127.0.0.1 for 198.51.100.7", 1);
    assertEquals(0, attempts.blockedFor("127.0.0.1 for 198.51.100.7"), "may still try twice");
  }

  @Test
  void pastTheCeilingEachGuessingClientGetsOneWrongTokenButCleanOnesStayIn() {
    for (int i = 0; i < 4; i++) {
      guess("10.0.1." + i, 2);
    }
    guess("10.0.1.4", 1);
    assertEquals(0, attempts.blockedFor("10.0.1.0"), "9 wrong tokens in all: under the ceiling");
    guess("10.0.2.1", 1);

    assertTrue(attempts.blockedFor("10.0.1.0") > 0, "a client that guessed is refused");
    assertTrue(attempts.blockedFor("10.0.2.1") > 0);
    assertEquals(0, attempts.blockedFor("10.0.3.1"), "a client that never guessed is not");
    guess("10.0.3.1", 1);
    assertTrue(attempts.blockedFor("10.0.3.1") > 0, "after its one wrong token it is");
    now.addAndGet(Duration.ofSeconds(60).toNanos());
    assertEquals(0, attempts.blockedFor("10.0.1.0"), "a new window starts clean");
  }

  @Test
  void clientsBeyondTheTrackedNumberShareOneWindow() {
    FailedAttempts many =
        new FailedAttempts(3, Integer.MAX_VALUE, Duration.ofSeconds(60), now::get);
    for (int i = 0; i < FailedAttempts.MAX_KEYS; i++) {
      many.failed("key-" + i);
    }
    for (int i = 0; i < 3; i++) {
      many.failed("late-" + i);
    }
    assertTrue(many.blockedFor("late-99") > 0, "new keys share the overflow window");
    assertEquals(0, many.blockedFor("key-1"), "tracked keys keep their own");
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
