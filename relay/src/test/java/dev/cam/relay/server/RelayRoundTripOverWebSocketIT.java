package dev.cam.relay.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cam.relay.testing.FirstReleaseRelay;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every round trip again, with the server linked over a WebSocket: its stream link upgrade is
 * refused as a relay of the first release refuses it, so the link falls back, and the relay serves
 * the WebSocket link the first release's servers open.
 */
class RelayRoundTripOverWebSocketIT extends RelayRoundTripIT {
  FirstReleaseRelay firstRelease;

  @Override
  URI linkTo(URI relayUri) throws Exception {
    firstRelease = new FirstReleaseRelay(relayUri);
    return firstRelease.uri();
  }

  @AfterAll
  void stopFirstRelease() throws Exception {
    firstRelease.close();
  }

  @Override
  int expectedWebSocketLinks() {
    return 1;
  }

  @Test
  void linkFellBackToAWebSocket() {
    assertTrue(firstRelease.refusedStreamLinks.get() >= 1);
  }
}
