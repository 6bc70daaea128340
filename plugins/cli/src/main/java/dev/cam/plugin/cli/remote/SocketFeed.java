package dev.cam.plugin.cli.remote;

import dev.cam.api.CamException;
import dev.cam.plugin.cli.JsonReader;
import dev.cam.plugin.cli.service.EventFeed;
import dev.cam.plugin.cli.service.LogEntries;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An agent's events from the server's WebSocket ({@code api/ws?agent_id=&since=}): stored ones
 * replayed first, then live ones. When the socket drops it reconnects with {@code since} = the last
 * sequence number received, so nothing is lost or doubled.
 */
final class SocketFeed implements EventFeed {
  private static final Duration RECONNECT = Duration.ofSeconds(1);

  private final ApiClient api;
  private final String agentId;
  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  private long last;
  private WebSocket socket;
  private long retryAt;

  SocketFeed(ApiClient api, String agentId, long afterSeq) {
    this.api = api;
    this.agentId = agentId;
    this.last = afterSeq;
    connect();
  }

  private void connect() {
    URI uri =
        ServerUrl.webSocket(api.base())
            .resolve("api/ws?agent_id=" + ApiClient.encode(agentId) + "&since=" + last);
    WebSocket.Builder builder = api.http().newWebSocketBuilder();
    if (api.token() != null) {
      builder.header("Authorization", "Bearer " + api.token());
    }
    try {
      socket = builder.buildAsync(uri, new Frames(inbox)).join();
    } catch (CompletionException e) {
      throw refused(e.getCause() == null ? e : e.getCause());
    }
  }

  private CamException refused(Throwable failure) {
    if (failure instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse().statusCode();
      if (status == 401 || status == 403) {
        return Problems.unauthorized(api.label());
      }
      Object body = handshake.getResponse().body();
      String detail = body instanceof String text ? Problems.detail(text) : null;
      return new CamException(
          detail != null
              ? detail
              : api.label() + " refused the event stream (HTTP " + status + ")");
    }
    if (failure instanceof java.io.IOException io) {
      return Problems.unreachable(api.label(), io);
    }
    return new CamException("cannot follow events from " + api.label() + ": " + failure, failure);
  }

  @Override
  public List<Map<String, Object>> next(Duration wait) throws InterruptedException {
    if (socket == null && System.nanoTime() >= retryAt) {
      reconnect();
    }
    List<Object> frames = new ArrayList<>();
    Object first = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (first == null) {
      return List.of();
    }
    frames.add(first);
    inbox.drainTo(frames);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Object frame : frames) {
      if (frame == Frames.CLOSED) {
        socket = null;
        retryAt = System.nanoTime() + RECONNECT.toNanos();
      } else if (frame instanceof Map<?, ?> map) {
        entry(map, entries);
      }
    }
    return entries;
  }

  private void reconnect() {
    try {
      connect();
    } catch (CamException e) {
      retryAt = System.nanoTime() + RECONNECT.toNanos();
    }
  }

  private void entry(Map<?, ?> frame, List<Map<String, Object>> entries) {
    Object type = frame.get("type");
    if (!(frame.get("seq") instanceof Number seq) || seq.longValue() <= last) {
      return;
    }
    String ts = ApiRecords.text(frame, "ts");
    String agent = ApiRecords.text(frame, "agent_id");
    if ("event".equals(type)) {
      Map<String, Object> detail = new java.util.LinkedHashMap<>();
      if (frame.get("detail") instanceof Map<?, ?> d) {
        d.forEach((k, v) -> detail.put(String.valueOf(k), v));
      }
      entries.add(
          LogEntries.of(ts, agent, ApiRecords.text(frame, "event"), seq.longValue(), detail));
    } else if ("log".equals(type)) {
      Map<String, Object> detail = Map.of("lines", ApiRecords.list(frame.get("lines")));
      entries.add(LogEntries.of(ts, agent, "output", seq.longValue(), detail));
    } else {
      return;
    }
    last = seq.longValue();
  }

  @Override
  public List<Map<String, Object>> rest() {
    List<Map<String, Object>> entries = new ArrayList<>();
    inbox.drainTo(new ArrayList<>());
    Object answer = api.get("api/agents/" + ApiClient.encode(agentId) + "/logs?since=" + last);
    for (Object entry : ApiRecords.list(ApiRecords.object(answer, "log").get("entries"))) {
      Map<?, ?> stored = ApiRecords.object(entry, "log entry");
      if (stored.get("seq") instanceof Number seq && seq.longValue() > last) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        stored.forEach((k, v) -> copy.put(String.valueOf(k), v));
        entries.add(copy);
        last = seq.longValue();
      }
    }
    return entries;
  }

  @Override
  public void close() {
    WebSocket open = socket;
    socket = null;
    if (open != null) {
      open.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
      open.abort();
    }
  }

  /** Puts each whole text frame, parsed, into the inbox; {@link #CLOSED} when the socket ends. */
  private static final class Frames implements WebSocket.Listener {
    static final Object CLOSED = new Object();
    private final BlockingQueue<Object> inbox;
    private final StringBuilder partial = new StringBuilder();

    Frames(BlockingQueue<Object> inbox) {
      this.inbox = inbox;
    }

    @Override
    public java.util.concurrent.CompletionStage<?> onText(
        WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          inbox.add(JsonReader.parse(partial.toString()));
        } catch (IllegalArgumentException e) {
          // not a frame of ours: skip it
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public java.util.concurrent.CompletionStage<?> onClose(
        WebSocket socket, int statusCode, String reason) {
      inbox.add(CLOSED);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      inbox.add(CLOSED);
    }
  }
}
