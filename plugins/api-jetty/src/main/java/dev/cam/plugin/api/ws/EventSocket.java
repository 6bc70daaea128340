package dev.cam.plugin.api.ws;

import dev.cam.api.AgentEvent;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket client. Once authenticated it joins the hub first, buffering live frames, then
 * replays stored events after {@code since}, then sends the buffered frames newer than the last
 * replayed one: no gap, no duplicate.
 *
 * <p>Threading: Jetty calls the listener methods; the hub calls {@link #live} on publishing
 * threads; the replay runs on the hub's executor. State changes happen under {@code lock}.
 */
public final class EventSocket implements Session.Listener.AutoDemanding {
  private static final int REPLAY_BATCH = 500;
  private final EventHub hub;
  private final SocketAuth auth;
  private final String agentId;
  private final Long since;
  private final WsLimits limits;
  private final Object lock = new Object();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private volatile Session session;
  private Outbox outbox;
  private boolean started;
  private boolean buffering;
  private boolean closed;
  private long lastSent;

  EventSocket(EventHub hub, SocketAuth auth, String agentId, Long since, WsLimits limits) {
    this.hub = hub;
    this.auth = auth;
    this.agentId = agentId;
    this.since = since;
    this.limits = limits;
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    this.outbox = new Outbox(opened, limits.maxQueuedFrames());
    if (auth.authenticated()) {
      start();
    } else {
      hub.later(this::authTimedOut, limits.authTimeout());
    }
  }

  @Override
  public void onWebSocketText(String message) {
    Message m = Message.parse(hub.json(), message);
    if (m.type() == null) {
      send(hub.frames().error(m.problem()));
    } else if (m.type().equals("ping")) {
      send(hub.frames().pong());
    } else if (m.type().equals("auth")) {
      authenticate(m.token());
    } else {
      send(hub.frames().error("unknown message type '" + m.type() + "': use auth or ping"));
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    synchronized (lock) {
      closed = true;
      pending.clear();
    }
    hub.remove(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    onWebSocketClose(StatusCode.ABNORMAL, cause.getMessage());
  }

  private void authenticate(String token) {
    synchronized (lock) {
      if (started) {
        return;
      }
    }
    String refused = auth.check(token);
    if (refused != null) {
      close(StatusCode.POLICY_VIOLATION, refused);
      return;
    }
    start();
  }

  private void authTimedOut() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
    }
    close(
        StatusCode.POLICY_VIOLATION,
        "send {\"type\":\"auth\",\"token\":...} within " + limits.authTimeout().toSeconds() + " s");
  }

  private void start() {
    synchronized (lock) {
      started = true;
      buffering = true;
      lastSent = since == null ? 0 : since;
    }
    hub.add(this);
    if (since == null) {
      // live from the last stored event on: one stored just before (perhaps by another process,
      // found by the hub's next look at the store) is not this client's
      goLive(hub.events().lastSeq(), 0);
    } else {
      hub.replays().execute(this::replay);
    }
  }

  /** A live event from the hub; cheap, never blocks. */
  void live(long seq, String eventAgent, String frame) {
    if (agentId != null && !agentId.equals(eventAgent)) {
      return;
    }
    synchronized (lock) {
      if (closed || !started) {
        return;
      }
      if (buffering) {
        if (pending.size() >= limits.maxQueuedFrames()) {
          tooSlow();
        } else {
          pending.add(new Pending(seq, frame));
        }
        return;
      }
      if (seq > lastSent) {
        lastSent = seq;
        if (!outbox.offer(frame)) {
          tooSlow();
        }
      }
    }
  }

  private void replay() {
    long after = since;
    int count = 0;
    try {
      for (List<AgentEvent> batch = batchAfter(after);
          !batch.isEmpty();
          batch = batchAfter(after)) {
        for (AgentEvent event : batch) {
          if (isClosed()) {
            return;
          }
          if (!outbox.offerWaiting(hub.frames().of(event), limits.replayWait())) {
            close(StatusCode.POLICY_VIOLATION, slowReason(after));
            return;
          }
          after = event.seq();
          count++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(StatusCode.SHUTDOWN, "server stopping; reconnect with since=" + after);
      return;
    } catch (RuntimeException e) {
      close(StatusCode.SERVER_ERROR, "replay failed: " + e.getMessage());
      return;
    }
    goLive(after, count);
  }

  private List<AgentEvent> batchAfter(long after) {
    return hub.events().since(after, agentId, REPLAY_BATCH);
  }

  private void goLive(long replayedUpTo, int count) {
    synchronized (lock) {
      lastSent = replayedUpTo;
      send(hub.frames().ready(replayedUpTo, count));
      for (Pending p = pending.poll(); p != null; p = pending.poll()) {
        if (p.seq() > lastSent) {
          lastSent = p.seq();
          if (!outbox.offer(p.frame())) {
            tooSlow();
            return;
          }
        }
      }
      buffering = false;
    }
  }

  /** Called under {@code lock}. */
  private void tooSlow() {
    pending.clear();
    close(StatusCode.POLICY_VIOLATION, slowReason(lastSent));
  }

  private String slowReason(long resumeAfter) {
    return "too slow: over "
        + limits.maxQueuedFrames()
        + " frames queued; reconnect with since="
        + resumeAfter;
  }

  private void send(String frame) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.sendText(frame, Callback.NOOP);
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Closes with a reason the client can act on; drops the connection if the close stalls. */
  void close(int code, String reason) {
    Session s = session;
    synchronized (lock) {
      closed = true;
    }
    hub.remove(this);
    if (s != null && s.isOpen()) {
      s.close(code, reason, Callback.NOOP);
      hub.later(s::disconnect, limits.closeGrace());
    }
  }

  Optional<Session> session() {
    return Optional.ofNullable(session).filter(Session::isOpen);
  }

  private record Pending(long seq, String frame) {}
}
