package dev.cam.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cam.relay.server.RelayConfig;
import dev.cam.relay.server.RelayLimits;
import dev.cam.relay.server.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/** Reads {@code relay.toml}; every key is optional, unknown keys are errors (typos matter). */
public final class RelayConfigFile {
  private static final Set<String> TOP =
      Set.of(
          "host", "port", "admission-secret", "admission-secret-file", "metrics", "tls", "limits");
  private static final Set<String> TLS =
      Set.of("cert", "key", "keystore", "keystore-password", "keystore-password-file");
  private static final Set<String> LIMITS =
      Set.of(
          "handshake-timeout-seconds",
          "max-pending-handshakes-per-ip",
          "max-connections-per-ip",
          "max-frame-size",
          "max-streams-per-server",
          "new-streams-per-second",
          "new-stream-burst",
          "buffer-budget-mb",
          "stream-window-kb",
          "ping-interval-seconds",
          "idle-timeout-seconds");

  private RelayConfigFile() {}

  /**
   * Loads a config file; relative paths in it resolve against the file's directory.
   *
   * @throws RelayException naming the file and the problem
   */
  public static RelayConfig load(Path file) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new RelayException("cannot read relay config " + file + ": " + e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    check(root, TOP, file, "");
    JsonNode tls = root.path("tls");
    JsonNode limits = root.path("limits");
    check(tls, TLS, file, "tls.");
    check(limits, LIMITS, file, "limits.");
    try {
      return new RelayConfig(
          root.path("host").asText("0.0.0.0"),
          root.path("port").asInt(8443),
          secret(root.path("admission-secret"), root.path("admission-secret-file"), dir),
          tls(tls, dir),
          limits(limits),
          root.path("metrics").asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw new RelayException("invalid relay config " + file + ": " + e.getMessage(), e);
    }
  }

  private static void check(JsonNode node, Set<String> known, Path file, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new RelayException(
            "unknown key '" + prefix + name + "' in " + file + "; known keys: " + known);
      }
    }
  }

  private static TlsSettings tls(JsonNode tls, Path dir) {
    if (tls.has("keystore")) {
      String password =
          secret(tls.path("keystore-password"), tls.path("keystore-password-file"), dir);
      return TlsSettings.keystore(dir.resolve(tls.get("keystore").asText()), password);
    }
    if (tls.has("cert") || tls.has("key")) {
      return new TlsSettings(path(tls, "cert", dir), path(tls, "key", dir), null, null);
    }
    return TlsSettings.none();
  }

  private static Path path(JsonNode node, String key, Path dir) {
    return node.has(key) ? dir.resolve(node.get(key).asText()) : null;
  }

  private static String secret(JsonNode value, JsonNode file, Path dir) {
    if (!file.isMissingNode()) {
      Path path = dir.resolve(file.asText());
      try {
        return Files.readString(path, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new RelayException("cannot read secret file " + path + ": " + e.getMessage(), e);
      }
    }
    return value.asText("");
  }

  private static RelayLimits limits(JsonNode node) {
    RelayLimits d = RelayLimits.defaults();
    return new RelayLimits(
        Duration.ofSeconds(
            node.path("handshake-timeout-seconds").asLong(d.handshakeTimeout().toSeconds())),
        node.path("max-pending-handshakes-per-ip").asInt(d.maxPendingHandshakesPerIp()),
        node.path("max-connections-per-ip").asInt(d.maxConnectionsPerIp()),
        node.path("max-frame-size").asInt(d.maxPayload()),
        node.path("max-streams-per-server").asInt(d.maxStreamsPerServer()),
        node.path("new-streams-per-second").asInt(d.newStreamsPerSecond()),
        node.path("new-stream-burst").asInt(d.newStreamBurst()),
        node.path("buffer-budget-mb").asLong(d.bufferBudgetBytes() >> 20) << 20,
        node.path("stream-window-kb").asInt(d.initialWindow() >> 10) << 10,
        Duration.ofSeconds(node.path("ping-interval-seconds").asLong(d.pingInterval().toSeconds())),
        Duration.ofSeconds(node.path("idle-timeout-seconds").asLong(d.idleTimeout().toSeconds())));
  }
}
