package dev.cam.plugin.cli.agent;

import dev.cam.api.PlatformContext;
import dev.cam.api.Screen;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.service.CamService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam output ID [--lines N]}: what the agent's session shows now. */
@Command(
    name = "output",
    description = {
      "Print the agent's screen now, with up to N lines of scrollback above it.",
      "JSON: {agent_id, width, height, captured_at, lines:[...]}."
    })
public final class OutputCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
  String id;

  @Option(
      names = {"-n", "--lines"},
      defaultValue = "0",
      description = "Lines of scrollback above the screen (default ${DEFAULT-VALUE}).")
  int lines;

  public OutputCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    CamService cam = Mode.service(spec, context);
    String agentId = cam.agent(id).id();
    Screen screen = cam.output(agentId, Math.max(0, lines));
    Output output = new Output(spec);
    if (output.json()) {
      output.printJson(
          Json.object(
              "agent_id", agentId,
              "width", screen.width(),
              "height", screen.height(),
              "captured_at", screen.capturedAt().toString(),
              "lines", screen.lines()));
    } else {
      output.println(screen.text().stripTrailing());
    }
    return ExitCodes.OK;
  }
}
