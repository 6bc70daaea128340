package dev.cam.platform.monitor;

import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reaching an agent's session: its screen, or why there is none. A session found gone ends the
 * agent; a transport that fails while the session may still be there (a cut SSH connection) is
 * ridden out up to the limit. Not thread-safe: owned by one monitor.
 */
final class SessionContact {
  /** Why an agent whose session is gone failed. */
  static final String GONE = "the session ended: the tool exited or was killed";

  /**
   * One look at the session: exactly one of the screen, a reason the agent failed, or an error
   * worth recording while contact is ridden out.
   */
  record Look(Screen screen, String failure, String error) {}

  private final Transport transport;
  private final SessionRef session;
  private final Duration limit;
  private Instant lostSince;

  SessionContact(Transport transport, SessionRef session, Duration limit) {
    this.transport = transport;
    this.session = session;
    this.limit = limit;
  }

  Look capture(Instant now) {
    try {
      Screen screen = transport.capture(session, 0, false);
      lostSince = null;
      return new Look(screen, null, null);
    } catch (TransportException e) {
      if (!alive()) {
        return new Look(
            null,
            lostSince == null
                ? GONE
                : GONE + " (found gone when " + session.machine().label() + " answered again)",
            null);
      }
      lostSince = lostSince == null ? now : lostSince;
      Duration lost = Duration.between(lostSince, now);
      if (lost.compareTo(limit) < 0) {
        return new Look(null, null, "capture failed: " + e.getMessage());
      }
      return new Look(
          null,
          "lost contact with the session on "
              + session.machine().label()
              + " for "
              + lost.toSeconds()
              + " s: "
              + e.getMessage(),
          null);
    }
  }

  /** Whether the session is there; a transport that can't tell counts it as there. */
  boolean alive() {
    try {
      return transport.isAlive(session);
    } catch (TransportException e) {
      return true;
    }
  }
}
