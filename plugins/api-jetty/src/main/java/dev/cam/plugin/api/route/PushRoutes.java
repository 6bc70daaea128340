package dev.cam.plugin.api.route;

import dev.cam.api.InvalidInputException;
import dev.cam.plugin.api.http.Exchange;
import dev.cam.plugin.api.http.Reply;
import dev.cam.plugin.api.http.Route;
import dev.cam.plugin.api.push.PushSubscription;
import dev.cam.plugin.api.push.WebPush;
import java.util.List;
import java.util.Map;

/** {@code /api/push…}: the VAPID public key and the browsers' push subscriptions. */
public final class PushRoutes {
  private final WebPush push;

  public PushRoutes(WebPush push) {
    this.push = push;
  }

  public List<Route> routes() {
    String subscriptions = "/api/push/subscriptions";
    return List.of(
        new Route("GET", "/api/push/key", "The VAPID public key to subscribe with", this::key),
        new Route("POST", subscriptions, "Subscribe a browser to push", this::subscribe),
        new Route("DELETE", subscriptions, "Unsubscribe a browser from push", this::unsubscribe));
  }

  private Reply key(Exchange ex) {
    return Reply.ok(Map.of("public_key", push.publicKey()));
  }

  private Reply subscribe(Exchange ex) {
    SubscribeBody body = ex.body(SubscribeBody.class);
    if (body.keys() == null) {
      throw new InvalidInputException("keys is missing: send the subscription's p256dh and auth");
    }
    push.subscribe(new PushSubscription(body.endpoint(), body.keys().p256dh(), body.keys().auth()));
    return Reply.ok(Map.of("subscribed", true));
  }

  private Reply unsubscribe(Exchange ex) {
    UnsubscribeBody body = ex.body(UnsubscribeBody.class);
    if (body.endpoint() == null) {
      throw new InvalidInputException("endpoint is missing: send the subscription's endpoint");
    }
    push.unsubscribe(body.endpoint());
    return Reply.noContent();
  }

  /**
   * Body of {@code POST /api/push/subscriptions}: a browser's {@code PushSubscription}.
   *
   * @param endpoint the push service URL
   * @param keys the browser's keys
   */
  record SubscribeBody(String endpoint, Keys keys) {}

  /**
   * A subscription's keys.
   *
   * @param p256dh public key, base64url
   * @param auth auth secret, base64url
   */
  record Keys(String p256dh, String auth) {}

  /**
   * Body of {@code DELETE /api/push/subscriptions}.
   *
   * @param endpoint the push service URL of the subscription to drop
   */
  record UnsubscribeBody(String endpoint) {}
}
