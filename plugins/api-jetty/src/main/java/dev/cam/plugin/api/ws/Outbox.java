package dev.cam.plugin.api.ws;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Frames sent to one client and not yet written to its socket, bounded: a client that reads slower
 * than events arrive fills the bound and is refused more instead of making the server buffer
 * without end. Safe from any thread.
 */
final class Outbox {
  private final Session session;
  private final int max;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition room = lock.newCondition();
  private int inFlight;

  Outbox(Session session, int max) {
    this.session = session;
    this.max = max;
  }

  /** Sends unless the bound is reached; false means the client is too slow. */
  boolean offer(String text) {
    lock.lock();
    try {
      if (inFlight >= max) {
        return false;
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
    session.sendText(text, Callback.from(this::written, e -> written()));
    return true;
  }

  /** Sends once there is room, waiting at most {@code timeout}; false when there was none. */
  boolean offerWaiting(String text, Duration timeout) throws InterruptedException {
    long left = timeout.toNanos();
    lock.lock();
    try {
      while (inFlight >= max) {
        if (left <= 0) {
          return false;
        }
        left = room.awaitNanos(left);
      }
      inFlight++;
    } finally {
      lock.unlock();
    }
    session.sendText(text, Callback.from(this::written, e -> written()));
    return true;
  }

  int inFlight() {
    lock.lock();
    try {
      return inFlight;
    } finally {
      lock.unlock();
    }
  }

  private void written() {
    lock.lock();
    try {
      inFlight--;
      room.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
