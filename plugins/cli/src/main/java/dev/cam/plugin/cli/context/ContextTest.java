package dev.cam.plugin.cli.context;

import dev.cam.api.ConnectionReport;
import dev.cam.api.Context;
import dev.cam.api.PlatformContext;
import dev.cam.api.Transport;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.remote.RemoteCam;
import dev.cam.plugin.cli.system.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cam context test NAME}: can agents run there? Asks the transport that supports the
 * context's machine; for this machine without a transport plugin it checks tmux itself. Through a
 * server, the server runs the checks, from its machine.
 */
@Command(
    name = "test",
    description = {
      "Check a context: reachable, tmux there, directory present, and the round-trip time.",
      "JSON: {name, reachable, latency_ms, tmux, path_ok, message}. Exit 1 when not usable."
    })
final class ContextTest implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The context's name.")
  String name;

  @Option(
      names = "--accept-new",
      description =
          "Trust the host key of a remote machine seen for the first time (kept in CAM's"
              + " known_hosts); a changed key is still refused.")
  boolean acceptNew;

  ContextTest(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Optional<RemoteCam> remote = Mode.of(spec, context).remote();
    Map<?, ?> report = remote.isPresent() ? remote.get().testContext(name, acceptNew) : here();
    Output output = new Output(spec);
    boolean ok = Boolean.TRUE.equals(report.get("ok"));
    if (output.json()) {
      output.printJson(
          Json.object(
              "name", name,
              "reachable", report.get("reachable"),
              "latency_ms", report.get("latency_ms"),
              "tmux", report.get("tmux"),
              "path_ok", report.get("path_ok"),
              "message", report.get("message")));
    } else {
      Object latency = report.get("latency_ms");
      Object tmux = report.get("tmux");
      Object message = report.get("message");
      String mark = ok ? output.style().green("ok") : output.style().red("FAILED");
      output.println(
          name
              + "  "
              + report.get("machine")
              + "  "
              + mark
              + (latency == null ? "" : "  " + latency + " ms")
              + (tmux == null ? "" : "  " + tmux)
              + (message == null || message.toString().isBlank() ? "" : "  " + message));
    }
    return ok ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** The checks run from this machine, in the shape the server answers them. */
  private Map<String, Object> here() {
    Context c = context.contexts().get(name);
    Optional<Transport> transport =
        context.extensions(Transport.class).stream()
            .filter(t -> t.supports(c.machine()))
            .findFirst();
    ConnectionReport report =
        transport.map(t -> t.test(c.machine(), acceptNew)).orElseGet(() -> withoutTransport(c));
    Boolean pathOk = c.machine().isLocal() ? Files.isDirectory(Path.of(c.path())) : null;
    boolean ok =
        report.reachable() && report.tmuxVersion() != null && !Boolean.FALSE.equals(pathOk);
    String message =
        pathOk == Boolean.FALSE
            ? "directory "
                + c.path()
                + " is gone: create it or 'cam context update "
                + name
                + " --path DIR'"
            : report.message();
    return Json.object(
        "machine",
        c.machine().label(),
        "ok",
        ok,
        "reachable",
        report.reachable(),
        "latency_ms",
        report.latency() == null ? null : report.latency().toMillis(),
        "tmux",
        report.tmuxVersion(),
        "path_ok",
        pathOk,
        "message",
        message);
  }

  private static ConnectionReport withoutTransport(Context c) {
    if (!c.machine().isLocal()) {
      return new ConnectionReport(
          false,
          null,
          null,
          "no transport for remote machines yet: install a transport plugin that supports "
              + c.machine().label()
              + " (e.g. transport-ssh)");
    }
    long start = System.nanoTime();
    Optional<String> tmux = Programs.firstLine(List.of("tmux", "-V"));
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    return tmux.map(v -> new ConnectionReport(true, latency, v, "local"))
        .orElseGet(
            () ->
                new ConnectionReport(
                    true, latency, null, "tmux is not installed: apt install tmux"));
  }
}
