package dev.cam.plugin.api.push;

import dev.cam.api.Agent;
import dev.cam.api.Agents;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one status change to every subscribed browser: a message holding only the agent's id,
 * name, tool and status, encrypted for each browser (RFC 8291) and signed with the server's VAPID
 * key (RFC 8292). A push service answering 404 or 410 (the browser unsubscribed) drops the
 * subscription.
 *
 * <p>Threading: called on the sending thread only; it blocks while a push service answers.
 */
final class PushCourier {
  private static final Logger LOG = LoggerFactory.getLogger(PushCourier.class);
  private final Agents agents;
  private final PushSubscriptions subscriptions;
  private final PushSender sender;
  private final Supplier<KeyPair> keys;
  private final String subject;
  private final PushEncryption encryption = new PushEncryption(new SecureRandom());

  PushCourier(
      Agents agents,
      PushSubscriptions subscriptions,
      PushSender sender,
      Supplier<KeyPair> keys,
      String subject) {
    this.agents = agents;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.keys = keys;
    this.subject = subject;
  }

  void deliver(String agentId, String status) {
    if (subscriptions.list().isEmpty()) {
      return;
    }
    byte[] payload = payload(agentId, status);
    VapidJwt vapid = new VapidJwt(keys.get(), subject, Clock.systemUTC());
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

  /** The agent's id, name, tool and status: nothing it printed or was asked. */
  private byte[] payload(String agentId, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent_id", agentId);
    try {
      Agent agent = agents.find(agentId);
      body.put("name", agent.name());
      body.put("tool", agent.tool());
    } catch (RuntimeException e) {
      // pruned meanwhile: the id alone still says which agent it was
      body.put("name", null);
      body.put("tool", null);
    }
    body.put("status", status);
    return PushJson.write(body);
  }
}
