package dev.cam.plugin.cli.agent;

import dev.cam.api.Agent;
import dev.cam.api.CamException;
import dev.cam.api.InvalidInputException;
import dev.cam.api.PlatformContext;
import dev.cam.api.SessionRef;
import dev.cam.api.Transport;
import dev.cam.plugin.cli.Mode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cam attach ID}: runs the transport's attach command (e.g. {@code tmux attach}) with this
 * terminal, and returns its exit code when the person detaches.
 */
@Command(
    name = "attach",
    description = "Attach this terminal to the agent's session (tmux: Ctrl-b d detaches).")
public final class AttachCommand implements Callable<Integer> {
  private final PlatformContext context;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Agent id or a unique prefix of it.")
  String id;

  public AttachCommand(PlatformContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    Mode.of(spec, context)
        .notRemote(
            spec,
            "it attaches this terminal to a tmux session on the server's machine; run it there,"
                + " or use 'cam output' and 'cam send' from here");
    Agent agent = context.agents().find(id);
    if (agent.status().isTerminal() || agent.session() == null) {
      throw new InvalidInputException(
          "agent "
              + agent.shortId()
              + " is "
              + agent.status().wireName()
              + " and has no session; 'cam logs "
              + agent.shortId()
              + "' shows what happened");
    }
    Transport transport =
        context.extensions(Transport.class).stream()
            .filter(t -> t.id().equals(agent.transport()))
            .findFirst()
            .orElseThrow(
                () -> new CamException("transport '" + agent.transport() + "' is not installed"));
    List<String> command =
        transport.attachCommand(
            new SessionRef(agent.transport(), agent.machine(), agent.session()));
    try {
      return new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new CamException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    }
  }
}
