package dev.cam.plugin.relaylink.internal;

import dev.cam.api.Config;
import dev.cam.api.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The relay link's configuration: {@code [relay]} in CAM's config, {@code --relay URL} on {@code
 * cam serve}.
 *
 * @param url the relay, {@code https://relay.example.com/}; null when none is configured
 * @param enabled false keeps the URL but turns the link off ({@code relay.enabled})
 * @param admissionSecret the relay's admission secret, empty when it has none
 * @param caFile PEM file of the CA to trust for the relay, null for the system's trust store
 * @param identityFile where this server's key pair is kept (0600)
 */
public record RelaySettings(
    URI url, boolean enabled, String admissionSecret, Path caFile, Path identityFile) {
  /** File name of the key pair in CAM's config directory. */
  public static final String IDENTITY_FILE = "relay-identity";

  public RelaySettings {
    admissionSecret = admissionSecret == null ? "" : admissionSecret;
  }

  /** True when the link should run. */
  public boolean on() {
    return url != null && enabled;
  }

  /** Reads the settings; the URL must be an absolute http(s) URL. */
  public static RelaySettings from(Config config, Path configDir) {
    URI url =
        config.get("relay.url").filter(u -> !u.isBlank()).map(u -> url(config, u)).orElse(null);
    boolean enabled = config.get("relay.enabled").isEmpty() || config.getBoolean("relay.enabled");
    Path ca = config.get("relay.ca_file").filter(f -> !f.isBlank()).map(Path::of).orElse(null);
    return new RelaySettings(
        url,
        enabled,
        config.get("relay.admission_secret").orElse(""),
        ca,
        configDir.resolve(IDENTITY_FILE));
  }

  private static URI url(Config config, String text) {
    try {
      URI uri = new URI(text.trim());
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        throw new URISyntaxException(text, "not an https:// or http:// URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(
          config.source("relay.url"),
          "relay.url",
          "'" + text + "' is not a relay URL: give it as https://relay.example.com/");
    }
  }
}
