package dev.cam.plugin.relaylink.internal;

import dev.cam.api.EventBus;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.link.LinkStatus;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the link's status changes into CAM events ({@code relay.connected}, {@code
 * relay.reconnecting}, {@code relay.error}) and keeps the latest for health and {@code cam serve}.
 * Threading: called on the link's threads; read from any thread.
 */
public final class LinkReporter implements Consumer<LinkStatus> {
  public static final String CONNECTED = "relay.connected";
  public static final String RECONNECTING = "relay.reconnecting";
  public static final String ERROR = "relay.error";
  private static final Logger LOG = LoggerFactory.getLogger(LinkReporter.class);

  private final EventBus events;
  private final URI relay;
  private final URI publicUrl;
  private final CountDownLatch settled = new CountDownLatch(1);
  private volatile LinkStatus latest = new LinkStatus(LinkState.STOPPED, null, "", 0);

  /**
   * @param relay the relay's URL
   * @param publicUrl this server's address through the relay
   */
  public LinkReporter(EventBus events, URI relay, URI publicUrl) {
    this.events = events;
    this.relay = relay;
    this.publicUrl = publicUrl;
  }

  @Override
  public void accept(LinkStatus status) {
    latest = status;
    switch (status.state()) {
      case CONNECTED -> {
        publish(CONNECTED, Map.of("url", publicUrl.toString(), "relay", relay.toString()));
        settled.countDown();
      }
      case RECONNECTING -> {
        Map<String, Object> detail =
            Map.of(
                "reason", status.detail(), "attempt", status.attempt(), "relay", relay.toString());
        publish(status.refused() ? ERROR : RECONNECTING, detail);
        settled.countDown();
      }
      default -> {}
    }
  }

  /** Publishes {@code relay.error} for a link that cannot start at all. */
  public void failed(String reason) {
    publish(ERROR, Map.of("reason", reason, "relay", relay.toString()));
  }

  /** Waits until the first attempt connected or failed, at most {@code limit}. */
  public void awaitFirstOutcome(Duration limit) {
    try {
      settled.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public LinkStatus latest() {
    return latest;
  }

  /** The {@code relay} section of {@code /api/system/health}. */
  public Map<String, Object> health() {
    LinkStatus status = latest;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("state", status.state().name().toLowerCase(Locale.ROOT));
    out.put("url", publicUrl.toString());
    out.put("relay", relay.toString());
    if (!status.detail().isEmpty()) {
      out.put("reason", status.detail());
    }
    return out;
  }

  private void publish(String type, Map<String, Object> detail) {
    try {
      events.publish(null, type, detail);
    } catch (RuntimeException e) {
      LOG.warn("could not record the {} event: {}", type, e.toString());
    }
  }
}
