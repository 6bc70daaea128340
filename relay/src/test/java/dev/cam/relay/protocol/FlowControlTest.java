package dev.cam.relay.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class FlowControlTest {
  @Test
  void senderCannotTakeMoreThanItsWindow() {
    SendWindow window = new SendWindow(1000);
    assertEquals(600, window.acquire(600));
    assertEquals(400, window.acquire(600));
    assertEquals(0, window.acquire(1));
    window.grant(250);
    assertEquals(250, window.acquire(1000));
  }

  @Test
  void receiverRefusesDataBeyondTheCreditItGave() {
    ReceiveWindow window = new ReceiveWindow(1000);
    window.received(1000);
    assertThrows(ProtocolException.class, () -> window.received(1));
  }

  @Test
  void creditReturnsInBatchesOnlyAfterConsumption() {
    ReceiveWindow window = new ReceiveWindow(1000);
    window.received(1000);
    assertEquals(0, window.consumed(100));
    assertEquals(250, window.consumed(150));
    window.received(250);
  }

  @Test
  void busyWindowGrowsOnlyAsFarAsTheAllowanceLets() {
    int[] allowed = {1000};
    ReceiveWindow window =
        new ReceiveWindow(
            1000,
            8000,
            bytes -> {
              if (bytes > allowed[0]) {
                return false;
              }
              allowed[0] -= bytes;
              return true;
            });
    window.received(1000);
    assertEquals(2000, window.consumed(1000), "a full window consumed doubles it");
    assertEquals(1000, window.grown());
    window.received(2000);
    assertEquals(2000, window.consumed(2000), "the allowance is spent: no more growth");
    assertEquals(1000, window.grown());
  }

  @Test
  void badWindowIncrementsAreProtocolErrors() {
    SendWindow window = new SendWindow(10);
    assertThrows(ProtocolException.class, () -> window.grant(0));
    assertThrows(ProtocolException.class, () -> window.grant(Integer.MAX_VALUE));
  }

  /** A fast producer and a consumer that stops: what sits between them never exceeds a window. */
  @Test
  void stalledConsumerBoundsWhatIsBuffered() {
    int initial = 4096;
    SendWindow sender = new SendWindow(initial);
    ReceiveWindow receiver = new ReceiveWindow(initial);
    Deque<Integer> buffered = new ArrayDeque<>();
    int maxBuffered = 0;
    for (int round = 0; round < 10_000; round++) {
      int sent = sender.acquire(512);
      if (sent > 0) {
        receiver.received(sent);
        buffered.add(sent);
      }
      boolean consumerReads = round < 50;
      if (consumerReads && !buffered.isEmpty()) {
        int increment = receiver.consumed(buffered.poll());
        if (increment > 0) {
          sender.grant(increment);
        }
      }
      maxBuffered = Math.max(maxBuffered, buffered.stream().mapToInt(Integer::intValue).sum());
    }
    assertTrue(maxBuffered <= initial, "buffered " + maxBuffered + " > window " + initial);
  }
}
