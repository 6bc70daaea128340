package dev.cam.relay.link;

import dev.cam.relay.identity.ServerIdentity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ServerLink} reaches its relay and its origin.
 *
 * @param relay the relay's base URL, {@code https://relay.example/} (or {@code http://} locally)
 * @param origin the local server the streams go to, e.g. {@code http://127.0.0.1:8420}
 * @param admissionSecret the relay's admission secret, empty when it has none
 * @param caFile PEM file with the CA (or self-signed certificate) to trust for the relay; null uses
 *     the system's trust store
 * @param backoffBase first reconnect delay ceiling; doubles per failed attempt
 * @param backoffCap largest reconnect delay ceiling
 * @param connectTimeout how long one connection attempt may take
 */
public record LinkSettings(
    URI relay,
    URI origin,
    String admissionSecret,
    Path caFile,
    Duration backoffBase,
    Duration backoffCap,
    Duration connectTimeout) {

  /** Validates the URLs and durations. */
  public LinkSettings {
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(origin, "origin");
    if (!"https".equals(relay.getScheme()) && !"http".equals(relay.getScheme())) {
      throw new IllegalArgumentException(
          "relay URL must be https:// (or http:// locally): " + relay);
    }
    if (!"https".equals(origin.getScheme()) && !"http".equals(origin.getScheme())) {
      throw new IllegalArgumentException("origin URL must be http:// or https://: " + origin);
    }
    admissionSecret = admissionSecret == null ? "" : admissionSecret;
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffCap, "backoffCap");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** Settings with defaults: system trust, backoff from 1 s up to 60 s, 10 s connect timeout. */
  public static LinkSettings of(URI relay, URI origin) {
    return new LinkSettings(
        relay,
        origin,
        "",
        null,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10));
  }

  /** Returns a copy with an admission secret. */
  public LinkSettings withAdmissionSecret(String secret) {
    return new LinkSettings(relay, origin, secret, caFile, backoffBase, backoffCap, connectTimeout);
  }

  /** Returns a copy trusting the CA in {@code pem} for the relay. */
  public LinkSettings withCaFile(Path pem) {
    return new LinkSettings(
        relay, origin, admissionSecret, pem, backoffBase, backoffCap, connectTimeout);
  }

  /**
   * The public URL of the server with this id on this relay, known before it connects: the relay
   * serves each server under {@code /s/<id>/}.
   */
  public URI publicUrl(ServerIdentity identity) {
    return publicUrl("/s/" + identity.serverId() + "/");
  }

  /** Returns a copy with another backoff. */
  public LinkSettings withBackoff(Duration base, Duration cap) {
    return new LinkSettings(relay, origin, admissionSecret, caFile, base, cap, connectTimeout);
  }

  /** The link endpoint: {@code wss://host/_relay/link} (or {@code ws://}). */
  URI linkUri() {
    String scheme = "https".equals(relay.getScheme()) ? "wss" : "ws";
    String port = relay.getPort() < 0 ? "" : ":" + relay.getPort();
    return URI.create(scheme + "://" + relay.getHost() + port + base(relay) + "_relay/link");
  }

  /** The server's public URL on the relay for a path prefix like {@code /s/<id>/}. */
  public URI publicUrl(String pathPrefix) {
    String port = relay.getPort() < 0 ? "" : ":" + relay.getPort();
    String path = base(relay) + (pathPrefix.startsWith("/") ? pathPrefix.substring(1) : pathPrefix);
    return URI.create(relay.getScheme() + "://" + relay.getHost() + port + path);
  }

  private static String base(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return path.endsWith("/") ? path : path + "/";
  }
}
