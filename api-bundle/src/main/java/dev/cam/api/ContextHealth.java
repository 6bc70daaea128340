package dev.cam.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether agents can run in a context ({@code cam context test}, {@code POST
 * /api/contexts/{name}/test}): its machine's transport reached it and found tmux there, and its
 * directory exists (checked for this machine only; agents on a remote one find out when they
 * start).
 *
 * @param context the context checked
 * @param report what its machine's transport found
 * @param pathOk whether the directory exists, or {@code null} for a remote machine
 */
public record ContextHealth(Context context, ConnectionReport report, Boolean pathOk) {
  public ContextHealth {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(report, "report");
  }

  /** The checks of {@code context} given what its transport found; looks at a local directory. */
  public static ContextHealth of(Context context, ConnectionReport report) {
    Boolean pathOk =
        context.machine().isLocal() ? Files.isDirectory(Path.of(context.path())) : null;
    return new ContextHealth(context, report, pathOk);
  }

  /** Whether agents can run there. */
  public boolean ok() {
    return report.reachable() && report.tmuxVersion() != null && !Boolean.FALSE.equals(pathOk);
  }

  /** What was found, or what to fix first. */
  public String message() {
    return Boolean.FALSE.equals(pathOk)
        ? "directory "
            + context.path()
            + " is gone: create it or 'cam context update "
            + context.name()
            + " --path DIR'"
        : report.message();
  }
}
