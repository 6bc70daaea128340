package dev.cam.plugin.cli.system;

import dev.cam.api.Detection;
import dev.cam.api.Failure;
import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.api.PromptMatch;
import dev.cam.api.Screen;
import dev.cam.api.ToolAdapter;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam tools check TOOL SCREEN-FILE}: what an adapter's rules read on a saved screen. */
@Command(
    name = "check",
    description = {
      "Show what a tool's rules detect on a saved screen (e.g. from 'tmux capture-pane -p'):",
      "state, ready, busy, the prompt and the keys CAM would answer, completion, failure.",
      "JSON: {tool,state,ready,busy,prompt:{kind,text,answer}|null,completed,"
          + "failure:{reason,hint,status}|null}."
    })
final class ToolsCheck implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOOL", description = "Tool id, e.g. claude.")
  String tool;

  @Parameters(index = "1", paramLabel = "SCREEN-FILE", description = "A saved screen (text).")
  Path file;

  ToolsCheck(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ToolAdapter adapter = Tools.find(context, tool);
    Detection d = adapter.read(Screen.of(Style.plain(read(file))));
    Output output = new Output(spec);
    if (output.json()) {
      output.printJson(json(adapter.id(), d));
      return ExitCodes.OK;
    }
    PromptMatch p = d.prompt();
    Failure f = d.failure();
    String prompt =
        p == null
            ? "-"
            : p.kind()
                + ": "
                + p.text().strip()
                + (p.answerable()
                    ? "  -> answer " + String.join(" ", p.answer())
                    : "  (a person must answer)");
    output.println(
        String.format(
            "tool       %s%nstate      %s%nready      %s%nbusy       %s%nprompt     %s%n"
                + "completed  %s%nfailure    %s",
            adapter.id(),
            d.state().name(),
            yesNo(d.ready()),
            yesNo(d.busy()),
            prompt,
            yesNo(d.completed()),
            f == null ? "-" : f.status().wireName() + ": " + f.message()));
    return ExitCodes.OK;
  }

  static Map<String, Object> json(String tool, Detection d) {
    PromptMatch p = d.prompt();
    Failure f = d.failure();
    return Json.object(
        "tool", tool,
        "state", d.state().name(),
        "ready", d.ready(),
        "busy", d.busy(),
        "prompt",
            p == null
                ? null
                : Json.object("kind", p.kind(), "text", p.text(), "answer", p.answer()),
        "completed", d.completed(),
        "failure",
            f == null
                ? null
                : Json.object(
                    "reason", f.reason(), "hint", f.hint(), "status", f.status().wireName()));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot read screen file "
              + file
              + ": "
              + e.getMessage()
              + "; give a saved screen (text)",
          e);
    }
  }
}
