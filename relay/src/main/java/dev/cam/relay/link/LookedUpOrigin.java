package dev.cam.relay.link;

import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An origin found by a lookup, such as the port the local API server listens on now: the address is
 * kept while it works and looked up again as soon as it refuses a connection, so a server that
 * restarted on another port is followed without restarting the link. Thread-safe.
 */
public final class LookedUpOrigin implements OriginSource {
  private final Supplier<URI> lookup;
  private volatile URI current;

  /**
   * Looks the origin up once now.
   *
   * @param lookup answers the origin's address now; may throw when there is none at the moment
   */
  public LookedUpOrigin(Supplier<URI> lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.current = Objects.requireNonNull(lookup.get(), "origin");
  }

  @Override
  public URI current() {
    return current;
  }

  @Override
  public synchronized URI unreachable(URI tried) {
    if (tried.equals(current)) {
      try {
        URI found = lookup.get();
        if (found != null) {
          current = found;
        }
      } catch (RuntimeException e) {
        // nothing listening at the moment: keep the last address; the next failure looks again
      }
    }
    return current;
  }
}
