package dev.cam.plugin.api.push;

import dev.cam.api.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Base64;

/**
 * One browser's subscription, as its {@code PushSubscription} gives it.
 *
 * @param endpoint the push service URL messages go to: https, or http to this machine (a push
 *     service on loopback)
 * @param p256dh the browser's P-256 public key, base64url (65 bytes)
 * @param auth the browser's auth secret, base64url (16 bytes)
 */
public record PushSubscription(String endpoint, String p256dh, String auth) {
  static final int MAX_ENDPOINT = 2048;

  public PushSubscription {
    endpoint = check(endpoint);
    if (publicKey(p256dh).length != 65 || authSecret(auth).length != 16) {
      throw new InvalidInputException(
          "keys.p256dh must be a 65-byte and keys.auth a 16-byte base64url value:"
              + " send the browser's PushSubscription keys unchanged");
    }
    try {
      P256.publicKey(publicKey(p256dh));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("keys.p256dh is not a P-256 public key: " + e.getMessage());
    }
  }

  byte[] publicKey() {
    return publicKey(p256dh);
  }

  byte[] authSecret() {
    return authSecret(auth);
  }

  URI uri() {
    return URI.create(endpoint);
  }

  private static byte[] publicKey(String value) {
    return decode("keys.p256dh", value);
  }

  private static byte[] authSecret(String value) {
    return decode("keys.auth", value);
  }

  private static byte[] decode(String member, String value) {
    if (value == null) {
      throw new InvalidInputException(member + " is missing: send the subscription's keys");
    }
    try {
      return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(member + " is not base64url: " + e.getMessage());
    }
  }

  private static String check(String endpoint) {
    if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
      throw new InvalidInputException(
          "endpoint must be the push service URL (at most " + MAX_ENDPOINT + " characters)");
    }
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException("endpoint is not a URL: " + e.getMessage());
    }
    boolean https = "https".equals(uri.getScheme());
    boolean localHttp = "http".equals(uri.getScheme()) && loopback(uri.getHost());
    if (uri.getHost() == null || !(https || localHttp)) {
      throw new InvalidInputException(
          "endpoint must be an https URL of a push service (http only on this machine): "
              + uri.getScheme()
              + "://"
              + uri.getHost());
    }
    return uri.toString();
  }

  private static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // only literal addresses: a name is not looked up here
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
