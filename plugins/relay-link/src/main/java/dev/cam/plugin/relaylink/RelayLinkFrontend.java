package dev.cam.plugin.relaylink;

import dev.cam.api.CamException;
import dev.cam.api.Frontend;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.relaylink.internal.LinkReporter;
import dev.cam.plugin.relaylink.internal.RelaySettings;
import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkSettings;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.link.LookedUpOrigin;
import dev.cam.relay.link.ServerLink;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The link from this CAM server to a relay, as a {@link Frontend} of {@code cam serve}: with {@code
 * relay.url} set ({@code cam serve --relay URL}), it registers with the server's key pair (kept in
 * the config directory, 0600) and forwards every client the relay pairs with it to the local API
 * server over loopback, reconnecting with backoff and jitter after any loss. Without a URL it does
 * nothing.
 *
 * <p>It forwards over loopback HTTP rather than in-process because the API server is another
 * plugin: the relay's clients then go through exactly the same listener, token check, WebSocket
 * bounds and web app as local ones, and neither plugin knows the other's classes. Its ordinal puts
 * it after the API server, so that one is listening when this one starts.
 *
 * <p>Threading: start, stop and describe are synchronized; health may be called from any thread.
 */
@Extension(ordinal = 10)
public final class RelayLinkFrontend implements Frontend {
  private static final Duration FIRST_OUTCOME = Duration.ofSeconds(5);
  private final PlatformContext context;
  private volatile LinkReporter reporter;
  private ServerLink link;

  public RelayLinkFrontend(PlatformContext context) {
    this.context = context;
  }

  @Override
  public String id() {
    return "relay";
  }

  @Override
  public synchronized void start() {
    if (link != null) {
      return;
    }
    RelaySettings settings = RelaySettings.from(context.config(), context.configDir());
    if (!settings.on()) {
      return;
    }
    try {
      open(settings);
    } catch (RuntimeException e) {
      new LinkReporter(context.events(), settings.url(), settings.url()).failed(e.getMessage());
      throw new CamException(
          "the relay link to " + settings.url() + " cannot start: " + e.getMessage(), e);
    }
  }

  private void open(RelaySettings settings) {
    ServerIdentity identity = ServerIdentity.loadOrCreate(settings.identityFile());
    LookedUpOrigin origins = new LookedUpOrigin(this::apiOrigin);
    LinkSettings linkSettings =
        LinkSettings.of(settings.url(), origins.current())
            .withAdmissionSecret(settings.admissionSecret())
            .withCaFile(settings.caFile());
    LinkReporter started =
        new LinkReporter(context.events(), settings.url(), linkSettings.publicUrl(identity));
    ServerLink created = new ServerLink(linkSettings, origins, identity, started);
    reporter = started;
    link = created;
    created.start();
    started.awaitFirstOutcome(FIRST_OUTCOME);
  }

  /**
   * The API server's loopback address; it must be running, since it is what clients reach. Looked
   * up again whenever the last address refuses a connection: the API server may have been restarted
   * on another port (port 0).
   */
  private URI apiOrigin() {
    return context.extensions(Frontend.class).stream()
        .filter(f -> f != this)
        .flatMap(f -> f.localUri().stream())
        .findFirst()
        .orElseThrow(
            () ->
                new CamException(
                    "no API server is running to forward to; the relay link needs the api-jetty"
                        + " plugin (see 'cam plugins')"));
  }

  @Override
  public synchronized void stop() {
    if (link != null) {
      link.close();
      link = null;
    }
  }

  /**
   * What {@code cam serve} prints: where a phone should go; nothing when no relay is configured, as
   * most servers have none.
   */
  @Override
  public synchronized String describe() {
    LinkReporter current = reporter;
    if (link == null || current == null) {
      return "";
    }
    Map<String, Object> health = current.health();
    String reason = health.containsKey("reason") ? " (" + health.get("reason") + ")" : "";
    String url = String.valueOf(health.get("url"));
    return current.latest().state() == LinkState.CONNECTED
        ? "relay link up: open " + url + " on your phone or give it to 'cam --server'"
        : "relay link " + health.get("state") + reason + "; once up, open " + url;
  }

  @Override
  public Map<String, Object> health() {
    LinkReporter current = reporter;
    return current == null ? Map.of("state", "off") : current.health();
  }
}
