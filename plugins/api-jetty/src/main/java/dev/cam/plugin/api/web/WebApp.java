package dev.cam.plugin.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the web app's static files from the class path at {@code /}, without a token (they hold no
 * data: the app asks for the token and sends it to the API itself). Everything under {@code /api}
 * and every method but GET and HEAD goes on to the API handlers unchanged.
 *
 * <p>Threading: files are read once and kept; safe for concurrent requests.
 */
public final class WebApp extends Handler.Wrapper {
  static final String ROOT = "dev/cam/plugin/api/web/";
  private static final Pattern SAFE =
      Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\\.[a-z]+");
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self' http: https: ws: wss:; manifest-src 'self'; worker-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final ClassLoader loader;
  private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

  public WebApp(Handler api) {
    super(api);
    this.loader = WebApp.class.getClassLoader();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals("/api")
        || path.startsWith("/api/")
        || !(method.equals("GET") || method.equals("HEAD"))) {
      return super.handle(request, response, callback);
    }
    String name = path.equals("/") ? "index.html" : path.substring(1);
    Optional<byte[]> body =
        SAFE.matcher(name).matches() ? files.computeIfAbsent(name, this::read) : Optional.empty();
    headers(response.getHeaders());
    if (body.isEmpty()) {
      response.setStatus(404);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
      response.write(
          true, ByteBuffer.wrap("not found\n".getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.of(name));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.get().length);
    boolean head = method.equals("HEAD");
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body.get()), callback);
    return true;
  }

  private Optional<byte[]> read(String name) {
    try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the web app file " + name, e);
    }
  }

  private static void headers(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // Revalidate every time: the service worker keeps the offline copy, not the HTTP cache.
    headers.put("Cache-Control", "no-cache");
  }
}
