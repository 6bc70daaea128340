package dev.cam.plugin.cli.task;

import dev.cam.api.CamException;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.system.Programs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cam apply --detach}: the same {@code cam apply} in a background process of its own
 * session, so it survives this terminal; its output goes to {@code <data>/apply-<pid>.log}.
 */
final class BackgroundApply {
  private BackgroundApply() {}

  static int start(PlatformContext context, Output output, Path file, String ctx, int parallel) {
    String home = System.getProperty("cam.home");
    Path cam = home == null ? null : Path.of(home, "bin", "cam");
    if (cam == null || !Files.isExecutable(cam)) {
      throw new CamException(
          "cannot start a background cam here (no bin/cam): run 'cam apply' without --detach");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                cam.toString(),
                "--data-dir",
                context.dataDir().toString(),
                "apply",
                "-f",
                file.toString(),
                "--parallel",
                String.valueOf(parallel)));
    if (ctx != null) {
      command.addAll(List.of("--ctx", ctx));
    }
    // its own session: a Ctrl-C in this terminal must not reach it
    if (Programs.firstLine(List.of("setsid", "--version")).isPresent()) {
      command.add(0, "setsid");
    }
    Path log = context.dataDir().resolve("apply-" + System.currentTimeMillis() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CAM_CONFIG_DIR", context.configDir().toString());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      Files.createDirectories(log.getParent());
      long pid = builder.start().pid();
      if (output.json()) {
        output.printJson(Json.object("pid", pid, "log", log.toString()));
      } else {
        output.println(
            "applying "
                + file.getFileName()
                + " in the background (pid "
                + pid
                + ", log "
                + log
                + "); 'cam tasks' shows it");
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      throw new CamException("cannot start " + cam + ": " + e.getMessage(), e);
    }
  }
}
