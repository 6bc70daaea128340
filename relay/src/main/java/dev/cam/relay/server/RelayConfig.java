package dev.cam.relay.server;

import java.util.Objects;

/**
 * Everything a relay needs to start.
 *
 * @param host address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port port to bind, 0 for any free port
 * @param admissionSecret secret a server must present to register; empty admits any server
 * @param tls where the certificate comes from
 * @param limits limits and flow-control settings
 * @param metricsEndpoint whether {@code GET /_relay/metrics} answers (counts only, no payloads)
 */
public record RelayConfig(
    String host,
    int port,
    String admissionSecret,
    TlsSettings tls,
    RelayLimits limits,
    boolean metricsEndpoint) {

  /** Validates and fills defaults. */
  public RelayConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    admissionSecret = admissionSecret == null ? "" : admissionSecret;
    tls = tls == null ? TlsSettings.none() : tls;
    limits = limits == null ? RelayLimits.defaults() : limits;
  }

  /** A plain-HTTP relay on {@code host:port} with default limits and no admission secret. */
  public static RelayConfig local(String host, int port) {
    return new RelayConfig(host, port, "", TlsSettings.none(), RelayLimits.defaults(), false);
  }

  /** Returns a copy with other limits. */
  public RelayConfig withLimits(RelayLimits newLimits) {
    return new RelayConfig(host, port, admissionSecret, tls, newLimits, metricsEndpoint);
  }

  /** Returns a copy with an admission secret. */
  public RelayConfig withAdmissionSecret(String secret) {
    return new RelayConfig(host, port, secret, tls, limits, metricsEndpoint);
  }

  /** Returns a copy with TLS settings. */
  public RelayConfig withTls(TlsSettings newTls) {
    return new RelayConfig(host, port, admissionSecret, newTls, limits, metricsEndpoint);
  }

  /** Returns a copy with the metrics endpoint on or off. */
  public RelayConfig withMetricsEndpoint(boolean on) {
    return new RelayConfig(host, port, admissionSecret, tls, limits, on);
  }
}
