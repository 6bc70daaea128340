package dev.cam.plugin.cli.remote;

import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.NotFoundException;
import dev.cam.plugin.cli.JsonReader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;

/** A server's refusals and failures as one-line errors saying what to do. */
final class Problems {
  private Problems() {}

  static CamException unreachable(String server, IOException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (e instanceof HttpConnectTimeoutException
        || e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException
            && String.valueOf(e.getMessage()).contains("connect"))
        || cause instanceof ConnectException
        || cause instanceof UnresolvedAddressException) {
      return new CamException(
          "cannot reach the CAM server at "
              + server
              + ": is 'cam serve' running there? Check the URL (--server, CAM_SERVER or"
              + " server.url)",
          e);
    }
    if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
      return new CamException("the CAM server at " + server + " did not answer in time", e);
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CamException("talking to the CAM server at " + server + " failed: " + message, e);
  }

  static CamException of(String server, int status, String body) {
    if (status == 401) {
      return unauthorized(server);
    }
    String detail = detail(body);
    if (detail == null) {
      return new CamException(
          server
              + " answered HTTP "
              + status
              + " without a CAM problem: is it a CAM server (or a relay that knows this"
              + " server)? Check the URL");
    }
    if (status == 405 || (status == 404 && detail.startsWith("no API route"))) {
      return olderServer(server, detail);
    }
    return switch (status) {
      case 400, 413, 415 -> new InvalidInputException(detail);
      case 404 -> new RemoteNotFound(detail);
      default -> new CamException(detail);
    };
  }

  /** A route this client knows but the server lacks: the server runs an older CAM. */
  private static CamException olderServer(String server, String detail) {
    return new CamException(
        "the CAM server at "
            + server
            + " does not offer this ("
            + detail
            + "): it probably runs an older CAM; update it, or run the command on that machine");
  }

  static CamException unauthorized(String server) {
    return new CamException(
        "the CAM server at "
            + server
            + " refused the token (401): give its token with --token or CAM_TOKEN; on the"
            + " server 'cam config get server.token' prints it");
  }

  /** The problem's {@code detail}, or null when the body is no problem+json. */
  static String detail(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      if (JsonReader.parse(body) instanceof Map<?, ?> problem
          && problem.get("detail") instanceof String detail) {
        return detail;
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** The server's "not found", with its own wording. */
  static final class RemoteNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String detail;

    RemoteNotFound(String detail) {
      super("thing", detail, null);
      this.detail = detail;
    }

    @Override
    public String getMessage() {
      return detail;
    }
  }
}
