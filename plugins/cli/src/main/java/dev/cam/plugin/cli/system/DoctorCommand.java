package dev.cam.plugin.cli.system;

import dev.cam.api.DoctorCheck;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Style;
import dev.cam.plugin.cli.remote.RemoteCam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cam doctor}: checks what CAM needs, each with a fix. Exit 1 when something essential
 * (Java, tmux, the data directory, a configured server) fails; a tool CLI that is missing is only a
 * warning, since a person needs just the tools they use.
 */
@Command(
    name = "doctor",
    description = {
      "Check Java, tmux, git, each tool's CLI, the data directory and the server, with fixes;",
      "with --server: that the server answers, and the server's own checks.",
      "JSON: {\"ok\":bool,\"checks\":[{name,ok,essential,detail,fix}]}. Exit 1 when an essential"
          + " check fails."
    })
public final class DoctorCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  public DoctorCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = new Output(spec);
    Optional<RemoteCam> remote = Mode.of(spec, context).remote();
    List<Checkup.Result> results = new ArrayList<>();
    if (remote.isPresent()) {
      results.addAll(ServerCheckup.of(remote.get()));
    } else {
      Checkup checkup = new Checkup(context);
      results.addAll(checkup.system());
      results.addAll(checkup.tools());
    }
    boolean ok = results.stream().allMatch(r -> r.check().ok() || !r.essential());
    if (output.json()) {
      List<Map<String, Object>> checks = results.stream().map(DoctorCommand::json).toList();
      output.printJson(Json.object("ok", ok, "checks", checks));
    } else {
      Style style = output.style();
      List<List<String>> rows = new ArrayList<>();
      for (Checkup.Result r : results) {
        DoctorCheck c = r.check();
        String mark =
            c.ok() ? style.green("ok") : r.essential() ? style.red("FAIL") : style.yellow("warn");
        rows.add(List.of(mark, c.name(), c.detail() == null ? "" : c.detail(), fix(c)));
      }
      output.printTable(List.of("", "CHECK", "FOUND", "FIX"), rows);
      output.println(ok ? "everything essential is in place" : "something essential is missing");
    }
    return ok ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static String fix(DoctorCheck c) {
    return c.ok() || c.fix() == null ? "" : c.fix();
  }

  private static Map<String, Object> json(Checkup.Result r) {
    DoctorCheck c = r.check();
    return Json.object(
        "name", c.name(),
        "ok", c.ok(),
        "essential", r.essential(),
        "detail", c.detail(),
        "fix", c.ok() ? null : c.fix());
  }
}
