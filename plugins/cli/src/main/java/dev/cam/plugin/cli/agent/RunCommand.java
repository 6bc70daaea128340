package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentStatus;
import dev.cam.api.PlatformContext;
import dev.cam.api.RunRequest;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Json;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import dev.cam.plugin.cli.Times;
import dev.cam.plugin.cli.service.CamService;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cam run TOOL PROMPT}: starts an agent and follows it until it ends (exit 0 completed, 4
 * failed or timed out); Ctrl-C leaves it running. {@code --detach} hands it to the background
 * {@code cam serve}, starting one when none runs.
 */
@Command(
    name = "run",
    description = {
      "Start an agent and follow it live until it ends; Ctrl-C detaches and leaves it running",
      "(a 'cam serve' takes over watching it). --detach returns at once, handing it to 'cam serve'.",
      "JSON: one log entry a line, then {\"agent\":{...}}; with --detach or --dry-run one document."
    })
public final class RunCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOOL", description = "Tool id, e.g. claude.")
  String tool;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "The task for the tool.")
  String prompt;

  static final class Where {
    @Option(names = "--ctx", paramLabel = "NAME", description = "Run in this context.")
    String ctx;

    @Option(
        names = "--dir",
        paramLabel = "PATH",
        description = "Run in this directory (default .).")
    Path dir;
  }

  @ArgGroup(exclusive = true)
  Where where = new Where();

  @Option(names = "--name", description = "A name for the agent.")
  String name;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Total time allowed, e.g. 30m.")
  String timeout;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      description = "Time without change allowed, e.g. 5m.")
  String idleTimeout;

  @Option(
      names = "--retry",
      paramLabel = "N",
      description = "Retries after a failure (default: retry.max).")
  Integer retry;

  @Option(names = "--env", paramLabel = "K=V", description = "Extra environment (repeatable).")
  Map<String, String> env = Map.of();

  @Option(
      names = "--auto-confirm",
      negatable = true,
      description =
          "Answer the tool's permission prompts, or never with --no-auto-confirm"
              + " (default: tools.<id>.auto_confirm, else monitor.auto_confirm).")
  Boolean autoConfirm;

  @Option(
      names = {"-d", "--detach"},
      description = "Return at once; 'cam serve' watches it.")
  boolean detach;

  @Option(names = "--dry-run", description = "Show what would run, start nothing.")
  boolean dryRun;

  public RunCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Output output = new Output(spec);
    RunRequest request = request();
    Mode mode = Mode.of(spec, context);
    CamService cam = Mode.service(spec, context);
    if (dryRun) {
      return DryRun.print(context, cam, output, request);
    }
    Agent agent = cam.run(request);
    boolean remote = mode.server().isPresent();
    if (detach) {
      return detach(output, agent, remote);
    }
    Runnable release = remote ? () -> {} : () -> context.control().release();
    Agent last = new RunFollower(cam, release, output).follow(agent);
    return last.status() == AgentStatus.COMPLETED ? ExitCodes.OK : ExitCodes.AGENT_FAILED;
  }

  RunRequest request() {
    AgentOptions options =
        new AgentOptions(
            timeout == null ? null : Times.parseDuration("--timeout", timeout),
            idleTimeout == null ? null : Times.parseDuration("--idle-timeout", idleTimeout),
            retry,
            autoConfirm,
            env);
    String cwd =
        where.ctx != null
            ? null
            : (where.dir == null ? Path.of("") : where.dir).toAbsolutePath().normalize().toString();
    return new RunRequest(tool, prompt, where.ctx, cwd, null, name, options);
  }

  private int detach(Output output, Agent agent, boolean remote) {
    Optional<ProcessHandle> watcher =
        remote ? Optional.empty() : ServerWatch.ensure(context, output);
    Long pid = watcher.map(ProcessHandle::pid).orElse(null);
    if (output.json()) {
      output.printJson(Json.object("agent", AgentJson.agent(agent), "server_pid", pid));
    } else {
      output.println(agent.id());
      output
          .err()
          .println(
              "cam: agent "
                  + agent.shortId()
                  + " started"
                  + (pid == null ? "" : "; 'cam serve' (pid " + pid + ") watches it")
                  + ". Follow it with 'cam logs -f "
                  + agent.shortId()
                  + "'");
      output.err().flush();
    }
    return ExitCodes.OK;
  }
}
