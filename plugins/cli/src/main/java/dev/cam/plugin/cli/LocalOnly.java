package dev.cam.plugin.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Commands about this machine itself (its config, plugins, tools and server): they ignore a
 * configured server, and an explicit {@code --server} is a usage error saying so.
 */
final class LocalOnly implements CommandLine.IExecutionStrategy {
  private static final Set<String> COMMANDS =
      Set.of(
          "cam config",
          "cam init",
          "cam serve",
          "cam tools",
          "cam plugins install",
          "cam plugins remove",
          "cam plugins enable",
          "cam plugins disable");

  @Override
  public int execute(CommandLine.ParseResult parsed) {
    List<CommandLine> chain = parsed.asCommandLineList();
    CommandLine command = chain.get(chain.size() - 1);
    String name = command.getCommandSpec().qualifiedName();
    boolean local = COMMANDS.stream().anyMatch(c -> name.equals(c) || name.startsWith(c + " "));
    if (local && CamCommand.of(command).server() != null) {
      throw new CommandLine.ParameterException(
          command,
          "'"
              + name
              + "' works on this machine only, not through --server: run it on the server's"
              + " machine, or leave out --server");
    }
    return new CommandLine.RunLast().execute(parsed);
  }
}
