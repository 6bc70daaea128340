package dev.cam.plugin.api;

import dev.cam.api.Config;
import dev.cam.plugin.api.ws.WsLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the API server runs.
 *
 * @param host address to bind ({@code server.host})
 * @param port port to bind, 0 for any free one ({@code server.port})
 * @param token the configured token ({@code server.token}), or {@code null} to use the token file
 * @param corsOrigins browser origins allowed to call the API ({@code server.cors_origins}), copied
 * @param healthOpen whether {@code /api/system/health} answers without a token ({@code
 *     server.health_open})
 * @param maxBodyBytes largest request body accepted
 * @param maxFailures wrong tokens per client and window before the client is refused; all clients
 *     together may send {@link #CEILING_FACTOR} times as many before each gets only one
 * @param failureWindow the window of {@code maxFailures}
 * @param pingInterval how often idle WebSocket clients are pinged
 * @param ws the WebSocket's bounds
 */
public record ApiSettings(
    String host,
    int port,
    String token,
    List<String> corsOrigins,
    boolean healthOpen,
    long maxBodyBytes,
    int maxFailures,
    Duration failureWindow,
    Duration pingInterval,
    WsLimits ws) {
  public static final int DEFAULT_PORT = 8420;
  public static final long DEFAULT_MAX_BODY = 1024 * 1024;

  /** The global ceiling of wrong tokens per window, as a multiple of {@code maxFailures}. */
  public static final int CEILING_FACTOR = 10;

  public ApiSettings {
    Objects.requireNonNull(host, "host");
    corsOrigins = List.copyOf(corsOrigins);
    Objects.requireNonNull(failureWindow, "failureWindow");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(ws, "ws");
  }

  /** The settings the configuration gives, with the built-in limits. */
  public static ApiSettings from(Config config) {
    String host = config.get("server.host").filter(h -> !h.isBlank()).orElse("127.0.0.1");
    int port = config.get("server.port").isPresent() ? config.getInt("server.port") : DEFAULT_PORT;
    boolean healthOpen =
        config.get("server.health_open").isPresent() && config.getBoolean("server.health_open");
    List<String> origins =
        Arrays.stream(config.get("server.cors_origins").orElse("").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    return defaults(host, port).with(config.get("server.token").orElse(null), origins, healthOpen);
  }

  /** Built-in limits on this address, the token from the token file, no CORS, health closed. */
  public static ApiSettings defaults(String host, int port) {
    return new ApiSettings(
        host,
        port,
        null,
        List.of(),
        false,
        DEFAULT_MAX_BODY,
        10,
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        WsLimits.DEFAULTS);
  }

  public ApiSettings with(String newToken, List<String> origins, boolean openHealth) {
    return new ApiSettings(
        host,
        port,
        newToken,
        origins,
        openHealth,
        maxBodyBytes,
        maxFailures,
        failureWindow,
        pingInterval,
        ws);
  }

  public ApiSettings withLimits(long maxBody, int failures, WsLimits wsLimits) {
    return new ApiSettings(
        host,
        port,
        token,
        corsOrigins,
        healthOpen,
        maxBody,
        failures,
        failureWindow,
        pingInterval,
        wsLimits);
  }
}
