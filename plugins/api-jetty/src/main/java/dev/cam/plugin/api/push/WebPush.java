package dev.cam.plugin.api.push;

import dev.cam.api.Agent;
import dev.cam.api.AgentEvent;
import dev.cam.api.EventTypes;
import dev.cam.api.PlatformContext;
import dev.cam.api.Subscription;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web Push for the web app: keeps the subscriptions and, when an agent's status becomes completed,
 * failed, timeout or waiting, sends every subscribed browser a message holding only the agent's id,
 * name, tool and new status. Messages are encrypted for each browser (RFC 8291) and signed with the
 * server's VAPID key (RFC 8292); a push service that answers 404 or 410 drops the subscription.
 *
 * <p>Threading: the bus calls {@link #onEvent} on the publisher's thread, which only queues; one
 * thread of its own sends. Lifecycle: {@link #start()} with the server, {@link #stop()} with it.
 */
public final class WebPush {
  private static final Logger LOG = LoggerFactory.getLogger(WebPush.class);
  static final Set<String> WORTH = Set.of("completed", "failed", "timeout", "waiting");
  private static final String SUBJECT = "mailto:cam@localhost.localdomain";
  private static final int QUEUE = 256;

  private final PlatformContext context;
  private final Path configDir;
  private final PushSubscriptions subscriptions;
  private final PushSender sender;
  private final PushEncryption encryption = new PushEncryption(new SecureRandom());
  private KeyPair keys;
  private Subscription subscription;
  private ExecutorService sending;

  public WebPush(PlatformContext context, PushSender sender) {
    this.context = context;
    this.configDir = context.configDir();
    this.subscriptions = new PushSubscriptions(context.dataDir());
    this.sender = sender;
  }

  public synchronized void start() {
    sending =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "cam-api-push");
              t.setDaemon(true);
              return t;
            },
            (r, pool) -> LOG.warn("push: {} messages are waiting; dropped one", QUEUE));
    subscription = context.events().subscribe(EventTypes.STATUS_CHANGE, this::onEvent);
  }

  public synchronized void stop() {
    if (subscription != null) {
      subscription.close();
      subscription = null;
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
    subscriptions.add(added);
    LOG.info("push: a browser subscribed ({} in all)", subscriptions.list().size());
  }

  public boolean unsubscribe(String endpoint) {
    return subscriptions.remove(endpoint);
  }

  public List<PushSubscription> subscriptions() {
    return subscriptions.list();
  }

  void onEvent(AgentEvent event) {
    Object to = event.detail().get("to");
    ExecutorService pool;
    synchronized (this) {
      pool = sending;
    }
    if (pool == null || event.agentId() == null || !WORTH.contains(String.valueOf(to))) {
      return;
    }
    pool.execute(() -> deliver(event.agentId(), String.valueOf(to)));
  }

  private void deliver(String agentId, String status) {
    if (subscriptions.list().isEmpty()) {
      return;
    }
    byte[] payload = payload(agentId, status);
    VapidJwt vapid = new VapidJwt(keys(), SUBJECT, Clock.systemUTC());
    for (PushSubscription target : subscriptions.list()) {
      try {
        byte[] body = encryption.encrypt(payload, target.publicKey(), target.authSecret());
        int answer = sender.send(target.uri(), body, vapid.authorization(target.uri()), status);
        if (answer == 404 || answer == 410) {
          subscriptions.remove(target.endpoint());
          LOG.info("push: a subscription has expired (HTTP {}); removed it", answer);
        } else if (answer >= 300) {
          LOG.warn("push: the push service of {} answered HTTP {}", target.uri().getHost(), answer);
        }
      } catch (RuntimeException e) {
        LOG.warn("push: could not send to {}: {}", target.uri().getHost(), e.toString());
      }
    }
  }

  private byte[] payload(String agentId, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent_id", agentId);
    try {
      Agent agent = context.agents().find(agentId);
      body.put("name", agent.name());
      body.put("tool", agent.tool());
    } catch (RuntimeException e) {
      body.put("name", null);
      body.put("tool", null);
    }
    body.put("status", status);
    return PushJson.write(body);
  }

  private synchronized KeyPair keys() {
    if (keys == null) {
      keys = VapidKeys.load(configDir);
    }
    return keys;
  }
}
