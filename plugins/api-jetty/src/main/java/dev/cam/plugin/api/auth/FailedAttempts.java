package dev.cam.plugin.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Counts wrong tokens per client key ({@link ClientKey}) and for all keys together, in fixed
 * windows.
 *
 * <ul>
 *   <li>A key with {@code perKey} wrong tokens in its window is refused until that window ends,
 *       whatever it sends.
 *   <li>Once all keys together sent {@code ceiling} wrong tokens in the current global window (many
 *       clients guessing), every key that sent a wrong token in its window is refused until the
 *       global window ends: each client gets one wrong guess, not {@code perKey}.
 * </ul>
 *
 * A client that never sends a wrong token is never refused, so neither one client nor many can lock
 * the others out; refused requests are not counted, so one client adds at most {@code perKey} to
 * the global count. At most {@value #MAX_KEYS} keys are tracked; beyond that, new keys share one
 * window. Safe from any thread.
 */
public final class FailedAttempts {
  static final int MAX_KEYS = 10_000;
  private static final String OVERFLOW = "(too many clients)";
  private final int perKey;
  private final int ceiling;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicReference<Window> global = new AtomicReference<>();

  /**
   * @param perKey wrong tokens one key may send per window
   * @param ceiling wrong tokens all keys together may send per window before each key gets only one
   */
  public FailedAttempts(int perKey, int ceiling, Duration window) {
    this(perKey, ceiling, window, System::nanoTime);
  }

  FailedAttempts(int perKey, int ceiling, Duration window, LongSupplier nanoTime) {
    this.perKey = perKey;
    this.ceiling = ceiling;
    this.windowNanos = window.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Seconds until the key may try again, or 0 when it may now. */
  public long blockedFor(String key) {
    long now = nanoTime.getAsLong();
    Window w = windows.get(tracked(key));
    if (w == null) {
      return 0;
    }
    if (w.endsBy(now, windowNanos)) {
      windows.remove(tracked(key), w);
      return 0;
    }
    if (w.count >= perKey) {
      return w.secondsLeft(now, windowNanos);
    }
    Window all = global.get();
    if (all != null && !all.endsBy(now, windowNanos) && all.count >= ceiling) {
      return all.secondsLeft(now, windowNanos);
    }
    return 0;
  }

  public void failed(String key) {
    long now = nanoTime.getAsLong();
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> w.endsBy(now, windowNanos));
    }
    windows.compute(tracked(key), (k, w) -> next(w, now));
    global.updateAndGet(w -> next(w, now));
  }

  private String tracked(String key) {
    return windows.size() < MAX_KEYS || windows.containsKey(key) ? key : OVERFLOW;
  }

  private Window next(Window w, long now) {
    return w == null || w.endsBy(now, windowNanos) ? new Window(now, 1) : w.next();
  }

  private record Window(long start, int count) {
    Window next() {
      return new Window(start, count + 1);
    }

    boolean endsBy(long now, long length) {
      return now - start >= length;
    }

    long secondsLeft(long now, long length) {
      return Math.max(1, Duration.ofNanos(start + length - now).toSeconds());
    }
  }
}
