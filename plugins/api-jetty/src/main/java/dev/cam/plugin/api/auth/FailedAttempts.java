package dev.cam.plugin.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts wrong tokens per remote address in fixed windows; an address with too many is refused
 * until its window ends, whatever it sends. Safe from any thread.
 */
public final class FailedAttempts {
  private static final int MAX_ADDRESSES = 10_000;
  private final int limit;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public FailedAttempts(int limit, Duration window) {
    this(limit, window, System::nanoTime);
  }

  FailedAttempts(int limit, Duration window, LongSupplier nanoTime) {
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Seconds until the address may try again, or 0 when it may now. */
  public long blockedFor(String address) {
    Window w = windows.get(address);
    if (w == null) {
      return 0;
    }
    long left = w.start + windowNanos - nanoTime.getAsLong();
    if (left <= 0) {
      windows.remove(address, w);
      return 0;
    }
    return w.count >= limit ? Math.max(1, Duration.ofNanos(left).toSeconds()) : 0;
  }

  public void failed(String address) {
    long now = nanoTime.getAsLong();
    if (windows.size() > MAX_ADDRESSES) {
      windows.values().removeIf(w -> now - w.start > windowNanos);
    }
    windows.compute(
        address,
        (key, w) -> w == null || now - w.start > windowNanos ? new Window(now, 1) : w.next());
  }

  private record Window(long start, int count) {
    Window next() {
      return new Window(start, count + 1);
    }
  }
}
