package dev.cam.platform.agent;

import dev.cam.api.Agent;
import dev.cam.api.Screen;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import dev.cam.api.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Session chores of ending an agent, tolerant of a session that is already gone. */
final class Sessions {
  private static final Duration CHECK = Duration.ofMillis(50);

  private Sessions() {}

  /** The agent's session, or {@code null} before it had one. */
  static SessionRef of(Agent agent) {
    return agent.session() == null || agent.transport() == null
        ? null
        : new SessionRef(agent.transport(), agent.machine(), agent.session());
  }

  static void killQuietly(Transport transport, SessionRef session) {
    try {
      transport.kill(session);
    } catch (TransportException e) {
      // already gone, or the machine is unreachable: nothing left to end from here
    }
  }

  static Screen captureQuietly(Transport transport, SessionRef session) {
    try {
      return transport.capture(session, 0, false);
    } catch (TransportException e) {
      return null;
    }
  }

  /** Sends the tool's exit keys and waits up to {@code grace} for its session to end. */
  static void exitGracefully(
      Transport transport, SessionRef session, List<String> keys, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      for (String key : keys) {
        transport.sendKeys(session, List.of(key));
        pause(CHECK);
      }
      while (transport.isAlive(session) && System.nanoTime() < deadline) {
        pause(CHECK);
      }
    } catch (TransportException e) {
      // the session ended between two keys
    }
  }

  static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }
}
