package dev.cam.plugin.cli.remote;

import dev.cam.api.PlatformContext;
import dev.cam.plugin.api.ApiSettings;
import dev.cam.plugin.api.JettyApiFrontend;
import dev.cam.plugin.api.ws.WsLimits;
import java.util.List;

/** The real API server (api-jetty) on 127.0.0.1, a free port, over a kernel of the test. */
final class ApiServer implements AutoCloseable {
  static final String TOKEN = "remote-test-token-0123456789abcdefghijklmnop";

  private final JettyApiFrontend frontend;

  ApiServer(PlatformContext context) {
    ApiSettings settings =
        ApiSettings.defaults("127.0.0.1", 0)
            .with(TOKEN, List.of(), false)
            .withLimits(1024 * 1024, 1000, WsLimits.DEFAULTS);
    frontend = new JettyApiFrontend(context, settings);
    frontend.start();
  }

  /** {@code http://127.0.0.1:PORT} */
  String url() {
    return frontend.uri().resolve("/").toString().replaceAll("/$", "");
  }

  @Override
  public void close() {
    frontend.stop();
  }
}
