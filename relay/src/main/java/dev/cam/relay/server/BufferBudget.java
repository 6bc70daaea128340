package dev.cam.relay.server;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's memory budget for stream buffers. A stream reserves its window when it opens and
 * releases it when it ends; credit is only ever granted out of a reservation, so the bytes the
 * relay actually holds ({@link #buffered}) can never exceed the budget. Thread-safe.
 */
final class BufferBudget {
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong peakBuffered = new AtomicLong();

  BufferBudget(long limit) {
    this.limit = limit;
  }

  /** Reserves {@code bytes}, or returns false when that would pass the budget. */
  boolean tryReserve(long bytes) {
    while (true) {
      long current = reserved.get();
      if (current + bytes > limit) {
        return false;
      }
      if (reserved.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  /** Counts bytes that arrived and are waiting to be written on. */
  void hold(long bytes) {
    long now = buffered.addAndGet(bytes);
    peakBuffered.accumulateAndGet(now, Math::max);
  }

  /** Counts bytes that left. */
  void drop(long bytes) {
    buffered.addAndGet(-bytes);
  }

  long limit() {
    return limit;
  }

  long reserved() {
    return reserved.get();
  }

  long buffered() {
    return buffered.get();
  }

  long peakBuffered() {
    return peakBuffered.get();
  }
}
