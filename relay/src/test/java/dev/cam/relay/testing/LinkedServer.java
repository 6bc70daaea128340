package dev.cam.relay.testing;

import dev.cam.relay.identity.ServerIdentity;
import dev.cam.relay.link.LinkSettings;
import dev.cam.relay.link.LinkState;
import dev.cam.relay.link.LinkStatus;
import dev.cam.relay.link.ServerLink;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A started {@link ServerLink} with its status history, for tests. */
public final class LinkedServer implements AutoCloseable {
  public final ServerLink link;
  public final List<LinkStatus> history = new CopyOnWriteArrayList<>();

  public LinkedServer(LinkSettings settings, ServerIdentity identity) {
    this.link = new ServerLink(settings, identity, history::add);
    link.start();
  }

  public static LinkSettings settings(URI relay, String origin) {
    return LinkSettings.of(relay, URI.create(origin))
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  /** Waits until registered and returns the public URL. */
  public URI awaitConnected() {
    Await.until(
        Duration.ofSeconds(15),
        () -> link.status().state() == LinkState.CONNECTED,
        () -> "link to register; last status " + link.status());
    return link.status().publicUrl();
  }

  @Override
  public void close() {
    link.close();
  }
}
