package dev.cam.plugin.api.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;

/**
 * The link {@code cam serve} prints so a phone or browser is set up in one step: the web app's
 * address with the server URL and token in the fragment ({@code #/pair?server=…&token=…}). A
 * fragment never leaves the browser, so the token reaches no server log, proxy or relay.
 */
public final class PairingLink {
  private PairingLink() {}

  /**
   * @param api where the API listens, e.g. {@code http://127.0.0.1:8420/api}
   * @param token the server token
   */
  public static String of(URI api, String token) {
    String host = api.getHost();
    if (host == null || isWildcard(host)) {
      host = lanAddress().orElse("127.0.0.1");
    }
    URI app = URI.create(api.getScheme() + "://" + host + ":" + api.getPort() + "/");
    return app
        + "#/pair?server="
        + URLEncoder.encode(app.toString(), StandardCharsets.UTF_8)
        + "&token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /**
   * The link as a QR code for a phone's camera, on lines of its own after a line break; empty when
   * the link is too long for a code a terminal can show.
   */
  public static String drawn(String link) {
    try {
      return "\n" + QrCode.of(link).toText();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::");
  }

  /** Listening on every address: the link names one another device on the network can reach. */
  private static Optional<String> lanAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return Optional.of(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
