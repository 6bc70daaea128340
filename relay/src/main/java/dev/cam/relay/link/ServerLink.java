package dev.cam.relay.link;

import dev.cam.relay.identity.ServerIdentity;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CAM server's outbound link to a relay. {@link #start} connects, registers with the server's
 * identity and keeps the link up: after any loss it reconnects with exponential backoff and full
 * jitter until {@link #close}. Each client stream the relay opens is forwarded to the origin, the
 * server's own HTTP listener, WebSocket upgrades included.
 *
 * <p>Thread-safe. Status changes go to the listener on the link's own threads; the listener must
 * return quickly.
 */
public final class ServerLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);

  private final LinkSettings settings;
  private final OriginSource origins;
  private final ServerIdentity identity;
  private final Consumer<LinkStatus> listener;
  private final Backoff backoff;
  private final ScheduledExecutorService timers;
  private final ExecutorService io;
  private LinkClients clients;
  private LinkConnection current;
  private LinkStatus status = new LinkStatus(LinkState.STOPPED, null, "", 0);
  private int attempt;
  private boolean closed;

  /**
   * Prepares a link; nothing connects until {@link #start}.
   *
   * @param listener told about every status change
   */
  public ServerLink(LinkSettings settings, ServerIdentity identity, Consumer<LinkStatus> listener) {
    this(settings, OriginSource.fixed(settings.origin()), identity, listener);
  }

  /**
   * Prepares a link that asks {@code origins} where to forward each stream, instead of always using
   * {@link LinkSettings#origin()}; nothing connects until {@link #start}.
   *
   * @param listener told about every status change
   */
  public ServerLink(
      LinkSettings settings,
      OriginSource origins,
      ServerIdentity identity,
      Consumer<LinkStatus> listener) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.origins = Objects.requireNonNull(origins, "origins");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.backoff =
        new Backoff(settings.backoffBase(), settings.backoffCap(), new java.util.Random());
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "relay-link-timer"));
    this.io = Executors.newCachedThreadPool(r -> daemon(r, "relay-link-io"));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Starts connecting; returns at once. */
  public synchronized void start() {
    if (closed || current != null) {
      return;
    }
    if (clients == null) {
      clients = new LinkClients(settings, io);
    }
    update(new LinkStatus(LinkState.CONNECTING, null, "", 0));
    connect();
  }

  private synchronized void connect() {
    if (closed) {
      return;
    }
    LinkConnection connection =
        new LinkConnection(this, settings, origins, identity, clients, timers);
    current = connection;
    clients
        .connect(settings.linkUri(), connection)
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                lost(
                    connection,
                    "cannot reach the relay at " + settings.relay() + ": " + why(cause));
              }
            });
  }

  private static String why(Throwable cause) {
    if (cause instanceof UpgradeException refused && refused.getResponseStatusCode() > 0) {
      return "HTTP " + refused.getResponseStatusCode() + " " + refused.getMessage();
    }
    if (cause instanceof StreamWire.Refused refused) {
      return refused.getMessage();
    }
    return cause.toString();
  }

  synchronized void registered(LinkConnection connection, URI publicUrl) {
    if (connection != current || closed) {
      return;
    }
    attempt = 0;
    LOG.info("relay link up: clients reach this server at {}", publicUrl);
    update(new LinkStatus(LinkState.CONNECTED, publicUrl, "", 0));
  }

  synchronized void lost(LinkConnection connection, String reason) {
    if (connection != current) {
      return;
    }
    current = null;
    if (closed) {
      return;
    }
    Duration delay = backoff.delay(attempt);
    attempt++;
    LOG.info("relay link down ({}); retrying in {} ms", reason, delay.toMillis());
    update(new LinkStatus(LinkState.RECONNECTING, null, reason, attempt));
    timers.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void update(LinkStatus next) {
    status = next;
    try {
      listener.accept(next);
    } catch (RuntimeException e) {
      LOG.warn("relay link status listener failed", e);
    }
  }

  /** Returns the latest status. */
  public synchronized LinkStatus status() {
    return status;
  }

  /** Returns this server's id on any relay. */
  public String serverId() {
    return identity.serverId();
  }

  /** Returns bytes waiting to be sent to the relay (bounded by stream credit). */
  public synchronized long queuedBytes() {
    return current == null ? 0 : current.queuedBytes();
  }

  /** Returns open streams on the current connection. */
  public synchronized int streamCount() {
    return current == null ? 0 : current.streamCount();
  }

  /** Says goodbye to the relay, stops reconnecting and ends every stream. */
  @Override
  public void close() {
    LinkConnection last;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      last = current;
      current = null;
      update(new LinkStatus(LinkState.STOPPED, null, "closed", 0));
    }
    if (last != null) {
      last.shutdown();
    }
    timers.shutdownNow();
    io.shutdown();
    LinkClients used;
    synchronized (this) {
      used = clients;
    }
    if (used != null) {
      used.close();
    }
  }
}
