package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.PlatformContext;
import dev.cam.plugin.cli.ExitCodes;
import dev.cam.plugin.cli.Mode;
import dev.cam.plugin.cli.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cam stop|kill|retry|send|key ID}: drive one agent through the agent control. */
public final class AgentActions {
  private AgentActions() {}

  static int report(Output output, String verb, Agent agent) {
    if (output.json()) {
      output.printJson(AgentJson.agent(agent));
    } else {
      output.println(
          verb + " " + agent.shortId() + " (" + output.style().status(agent.status()) + ")");
    }
    return ExitCodes.OK;
  }

  /** {@code cam stop ID}. */
  @Command(
      name = "stop",
      description = {
        "Stop an agent gracefully (the tool's exit keys, then kill).",
        "JSON: the agent."
      })
  public static final class Stop implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
    String id;

    public Stop(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return report(new Output(spec), "stopped", Mode.service(spec, context).stop(id));
    }
  }

  /** {@code cam kill ID}. */
  @Command(
      name = "kill",
      description = {"Kill an agent's session at once.", "JSON: the agent."})
  public static final class Kill implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
    String id;

    public Kill(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return report(new Output(spec), "killed", Mode.service(spec, context).kill(id));
    }
  }

  /** {@code cam retry ID}: a new attempt, watched by a background server. */
  @Command(
      name = "retry",
      description = {
        "Start a new attempt of an ended agent; 'cam serve' watches it.",
        "JSON: the agent."
      })
  public static final class Retry implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
    String id;

    public Retry(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Mode mode = Mode.of(spec, context);
      Agent agent = Mode.service(spec, context).retry(id);
      Output output = new Output(spec);
      if (mode.server().isEmpty()) {
        ServerWatch.ensure(context, output);
      }
      return report(output, "retrying", agent);
    }
  }

  /** {@code cam send ID TEXT [--no-enter]}. */
  @Command(name = "send", description = "Type text into an agent's session, then Enter.")
  public static final class Send implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Agent id or a unique prefix of it.")
    String id;

    @Parameters(index = "1", paramLabel = "TEXT", description = "What to type.")
    String text;

    @Option(names = "--no-enter", description = "Do not press Enter after the text.")
    boolean noEnter;

    public Send(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Mode.service(spec, context).send(id, text, !noEnter);
      return ExitCodes.OK;
    }
  }

  /** {@code cam key ID KEY...}. */
  @Command(
      name = "key",
      description = "Send keys: Enter, Escape, Tab, BSpace, Up, Down, C-c, or a character.")
  public static final class Key implements Callable<Integer> {
    private final PlatformContext context;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Agent id or a unique prefix of it.")
    String id;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "KEY",
        description = "Keys to send, in order.")
    List<String> keys;

    public Key(PlatformContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Mode.service(spec, context).keys(id, keys);
      return ExitCodes.OK;
    }
  }
}
