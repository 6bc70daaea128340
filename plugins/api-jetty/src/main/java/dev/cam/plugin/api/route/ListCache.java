package dev.cam.plugin.api.route;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serialised list responses, reused while the store holds no newer event and for at most {@code
 * maxAgeNanos}. Every change of an agent comes with an event, in this process or another one
 * sharing the store, so the last sequence number tells whether a list may have changed; the age
 * bound covers a change stored without one. Safe from any thread; at most {@code maxEntries}
 * queries are kept.
 */
final class ListCache {
  private final long maxAgeNanos;
  private final int maxEntries;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  ListCache(long maxAgeNanos, int maxEntries, LongSupplier nanoTime) {
    this.maxAgeNanos = maxAgeNanos;
    this.maxEntries = maxEntries;
    this.nanoTime = nanoTime;
  }

  byte[] get(String key, long lastSeq, Supplier<byte[]> compute) {
    long now = nanoTime.getAsLong();
    Entry entry = entries.get(key);
    if (entry != null && entry.seq == lastSeq && now - entry.madeAt < maxAgeNanos) {
      return entry.body;
    }
    byte[] body = compute.get();
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(key, new Entry(lastSeq, now, body));
    return body;
  }

  private record Entry(long seq, long madeAt, byte[] body) {}
}
