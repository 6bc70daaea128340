package dev.cam.plugin.api.push;

import dev.cam.api.AgentEvent;
import dev.cam.api.CamException;
import dev.cam.api.ConfigException;
import dev.cam.api.EventTypes;
import dev.cam.api.PlatformContext;
import dev.cam.api.Subscription;
import dev.cam.plugin.api.ws.EventFeed;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web Push for the web app: keeps the subscriptions and, when an agent's status becomes completed,
 * failed, timeout or waiting, has {@link PushCourier} send every subscribed browser a message. It
 * sees every stored status change, whichever process stored it (a {@code cam run} in another JVM
 * too), through an {@link EventFeed}: this process's bus at once, the store every {@link #POLL}.
 *
 * <p>Threading: the feed's sink only queues; one thread of its own sends, another looks at the
 * store. Lifecycle: {@link #start()} with the server, {@link #stop()} with it.
 */
public final class WebPush {
  private static final Logger LOG = LoggerFactory.getLogger(WebPush.class);
  static final Set<String> WORTH = Set.of("completed", "failed", "timeout", "waiting");

  /** How often the store is asked for status changes other processes stored. */
  static final Duration POLL = Duration.ofSeconds(1);

  private static final int QUEUE = 256;

  /** Accepted by FCM and Mozilla; Apple's push service wants a real address. */
  static final String DEFAULT_SUBJECT = "mailto:cam@localhost.localdomain";

  private final PlatformContext context;
  private final Path configDir;
  private final PushSubscriptions subscriptions;
  private final PushCourier courier;
  private final EventFeed feed;
  private final Object keyLock = new Object();
  private KeyPair keys;
  private Subscription subscription;
  private volatile ExecutorService sending;
  private ScheduledExecutorService polling;

  public WebPush(PlatformContext context, PushSender sender) {
    this.context = context;
    this.configDir = context.configDir();
    this.subscriptions = new PushSubscriptions(context.dataDir());
    this.courier =
        new PushCourier(context.agents(), subscriptions, sender, this::keys, subject(context));
    this.feed = new EventFeed(context.events(), this::onEvent, this::anyone);
  }

  public synchronized void start() {
    sending =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE),
            r -> daemon(r, "cam-api-push"),
            (r, pool) -> LOG.warn("push: {} messages are waiting; dropped one", QUEUE));
    polling = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "cam-api-push-poll"));
    feed.start();
    subscription = context.events().subscribe("*", feed::onBus);
    long every = POLL.toMillis();
    polling.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
    if (polling != null) {
      polling.shutdownNow();
      polling = null;
    }
    if (sending != null) {
      sending.shutdownNow();
      sending = null;
    }
  }

  /** The VAPID public key a browser subscribes with, base64url (made on first use). */
  public String publicKey() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(P256.encode(keys().getPublic()));
  }

  public void subscribe(PushSubscription added) {
    boolean first = !anyone();
    subscriptions.add(added);
    if (first) {
      // the store was not read while nobody was subscribed: start from its end
      feed.start();
    }
    LOG.info("push: a browser subscribed ({} in all)", subscriptions.list().size());
  }

  public boolean unsubscribe(String endpoint) {
    return subscriptions.remove(endpoint);
  }

  public List<PushSubscription> subscriptions() {
    return subscriptions.list();
  }

  private void onEvent(AgentEvent event) {
    Object to = event.detail().get("to");
    if (!EventTypes.STATUS_CHANGE.equals(event.type())
        || event.agentId() == null
        || !WORTH.contains(String.valueOf(to))) {
      return;
    }
    ExecutorService pool = sending; // no lock: the feed calls this holding its own
    if (pool != null) {
      pool.execute(() -> courier.deliver(event.agentId(), String.valueOf(to)));
    }
  }

  private boolean anyone() {
    try {
      return !subscriptions.list().isEmpty();
    } catch (CamException e) {
      // a damaged file: subscribing again says what to do; events must not fail over it
      return false;
    }
  }

  private void poll() {
    try {
      feed.poll();
    } catch (RuntimeException e) {
      // the store is busy or gone for a moment; the next look catches up
      LOG.debug("push: looking for status changes of other processes failed: {}", e.getMessage());
    }
  }

  private KeyPair keys() {
    synchronized (keyLock) {
      if (keys == null) {
        keys = VapidKeys.load(configDir);
      }
      return keys;
    }
  }

  /**
   * {@code server.push_subject}: who runs this server, for the push services' operators.
   *
   * @throws ConfigException when it is neither a {@code mailto:} nor an {@code https:} URI
   */
  static String subject(PlatformContext context) {
    String subject = context.config().get("server.push_subject").orElse(DEFAULT_SUBJECT).trim();
    if (!subject.matches("(mailto:[^@\\s\"]+@[^@\\s\"]+|https://[^\\s\"]+)")) {
      throw new ConfigException(
          "config",
          "server.push_subject",
          "must be a mailto: address or an https: URL (RFC 8292), e.g. mailto:you@example.com");
    }
    return subject;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
