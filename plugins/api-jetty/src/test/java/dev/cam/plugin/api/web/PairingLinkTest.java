package dev.cam.plugin.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PairingLinkTest {
  @Test
  void theTokenTravelsInTheFragmentOnly() {
    String link = PairingLink.of(URI.create("http://127.0.0.1:8420/api"), "t0k+en/=");
    URI uri = URI.create(link);
    assertEquals("http://127.0.0.1:8420/", link.substring(0, link.indexOf('#')));
    assertEquals(null, uri.getRawQuery());
    assertEquals(
        "/pair?server=http%3A%2F%2F127.0.0.1%3A8420%2F&token=t0k%2Ben%2F%3D", uri.getRawFragment());
  }

  @Test
  void aServerListeningEverywhereIsNamedByAnAddressOthersCanReach() {
    String link = PairingLink.of(URI.create("http://0.0.0.0:8420/api"), "token");
    assertFalse(link.contains("0.0.0.0"), link);
    assertTrue(link.matches("http://[0-9.]+:8420/#/pair\\?server=.*&token=token"), link);
  }

  @Test
  void theLinkIsDrawnAsAQrCodeUnlessItIsTooLong() {
    String link = PairingLink.of(URI.create("http://127.0.0.1:8420/api"), "t".repeat(43));
    String drawn = PairingLink.drawn(link);
    assertTrue(drawn.startsWith("\n█"), drawn);
    assertEquals((41 + 4 + 1) / 2, drawn.strip().split("\n").length, drawn);
    assertEquals("", PairingLink.drawn("http://example/#" + "x".repeat(400)));
  }
}
