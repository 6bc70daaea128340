package dev.cam.plugin.api.route;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Context;
import dev.cam.api.PlatformContext;
import dev.cam.api.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether agents can run in a context, as {@code cam context test} checks it: the transport that
 * supports the context's machine reaches it and finds tmux there, and the directory exists (checked
 * here for this machine; a remote one is checked by agents when they start).
 */
final class ContextCheck {
  private final PlatformContext context;

  ContextCheck(PlatformContext context) {
    this.context = context;
  }

  /** {@code {name, machine, ok, reachable, latency_ms, tmux, path_ok, message}}. */
  Map<String, Object> run(String name, boolean acceptNew) {
    Context c = context.contexts().get(name);
    ConnectionReport report =
        context.extensions(Transport.class).stream()
            .filter(t -> t.supports(c.machine()))
            .findFirst()
            .map(t -> t.test(c.machine(), acceptNew))
            .orElseGet(
                () ->
                    new ConnectionReport(
                        false,
                        null,
                        null,
                        "the server has no transport for "
                            + c.machine().label()
                            + ": install a transport plugin there (transport-tmux, transport-ssh)"));
    Boolean pathOk = c.machine().isLocal() ? Files.isDirectory(Path.of(c.path())) : null;
    boolean ok =
        report.reachable() && report.tmuxVersion() != null && !Boolean.FALSE.equals(pathOk);
    String message =
        Boolean.FALSE.equals(pathOk)
            ? "directory "
                + c.path()
                + " is gone: create it or 'cam context update "
                + name
                + " --path DIR'"
            : report.message();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", c.name());
    body.put("machine", c.machine().label());
    body.put("ok", ok);
    body.put("reachable", report.reachable());
    body.put("latency_ms", report.latency() == null ? null : report.latency().toMillis());
    body.put("tmux", report.tmuxVersion());
    body.put("path_ok", pathOk);
    body.put("message", message);
    return body;
  }
}
