package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cam version}: CAM's version and the Java running it. */
@Command(name = "version", description = "Print CAM's version.")
final class VersionCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  VersionCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    if (output.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("version", context.version());
      json.put("java", Runtime.version().toString());
      output.printJson(json);
    } else {
      output.println("cam " + context.version());
    }
    return ExitCodes.OK;
  }
}
