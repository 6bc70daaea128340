package dev.cam.plugin.api;

import dev.cam.api.CamException;
import dev.cam.api.Frontend;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.auth.ServerToken;
import dev.cam.plugin.api.web.PairingLink;
import java.net.URI;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The REST and WebSocket API as a {@link Frontend}: started by {@code cam serve}, listening on
 * {@code server.host}:{@code server.port} (127.0.0.1:8420 by default), every request authenticated
 * with the server token.
 *
 * <p>Threading: start and stop are synchronized. Lifecycle: may be started again after a stop.
 */
@Extension
public final class JettyApiFrontend implements Frontend {
  private final PlatformContext context;
  private final ApiSettings fixed;
  private ApiServer server;
  private String token;

  public JettyApiFrontend(PlatformContext context) {
    this(context, null);
  }

  /**
   * @param settings the settings to use instead of those from the configuration
   */
  public JettyApiFrontend(PlatformContext context, ApiSettings settings) {
    this.context = context;
    this.fixed = settings;
  }

  @Override
  public String id() {
    return "api";
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    ApiSettings settings = fixed != null ? fixed : ApiSettings.from(context.config());
    String token = ServerToken.resolve(settings.token(), context.configDir());
    ApiServer created = new ApiServer(context, settings, token);
    try {
      created.start();
      this.token = token;
    } catch (Exception e) {
      throw new CamException(
          "the API server could not listen on "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage()
              + " (is another 'cam serve' running? change server.port)",
          e);
    }
    server = created;
  }

  @Override
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new CamException("the API server did not stop cleanly: " + e.getMessage(), e);
    } finally {
      server = null;
    }
  }

  /**
   * The URL and the token, for the person who just started {@code cam serve} (the token is what a
   * client or the web app needs), and the web app's pairing link on a second line, then as a QR
   * code. Printed on the terminal only, never logged.
   */
  @Override
  public synchronized String describe() {
    if (server == null) {
      return "api (stopped)";
    }
    String link = PairingLink.of(server.uri(), token);
    return "api "
        + server.uri()
        + "  token: "
        + token
        + "\n  pair a browser or phone: "
        + link
        + PairingLink.drawn(link);
  }

  /** Where the running server listens, e.g. {@code http://127.0.0.1:8420/api}. */
  public synchronized URI uri() {
    if (server == null) {
      throw new IllegalStateException("the API server is not running");
    }
    return server.uri();
  }

  @Override
  public synchronized Optional<URI> localUri() {
    return server == null ? Optional.empty() : Optional.of(server.localOrigin());
  }

  /** WebSocket clients connected now. */
  public synchronized int clients() {
    return server == null ? 0 : server.clients();
  }
}
