package dev.cam.plugin.cli;

import dev.cam.api.Cli;
import dev.cam.plugin.cli.agent.AgentActions;
import dev.cam.plugin.cli.agent.AttachCommand;
import dev.cam.plugin.cli.agent.HistoryCommand;
import dev.cam.plugin.cli.agent.ListCommand;
import dev.cam.plugin.cli.agent.LogsCommand;
import dev.cam.plugin.cli.agent.OutputCommand;
import dev.cam.plugin.cli.agent.PruneCommand;
import dev.cam.plugin.cli.agent.RunCommand;
import dev.cam.plugin.cli.agent.StatsCommand;
import dev.cam.plugin.cli.agent.StatusCommand;
import dev.cam.plugin.cli.context.ContextCommand;
import dev.cam.plugin.cli.system.CompletionCommand;
import dev.cam.plugin.cli.system.DoctorCommand;
import dev.cam.plugin.cli.system.InitCommand;
import dev.cam.plugin.cli.system.ToolsCommand;
import dev.cam.plugin.cli.task.ApplyCommand;
import dev.cam.plugin.cli.task.TasksCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The subcommands of {@code cam}, and which of them a call needs. Picocli reads the annotations of
 * every registered command up front, so registering only the one asked for keeps start-up short;
 * help and errors get them all.
 */
final class Commands {
  private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("run", RunCommand.class);
    ALL.put("list", ListCommand.class);
    ALL.put("ls", ListCommand.class);
    ALL.put("status", StatusCommand.class);
    ALL.put("logs", LogsCommand.class);
    ALL.put("history", HistoryCommand.class);
    ALL.put("stats", StatsCommand.class);
    ALL.put("output", OutputCommand.class);
    ALL.put("attach", AttachCommand.class);
    ALL.put("send", AgentActions.Send.class);
    ALL.put("key", AgentActions.Key.class);
    ALL.put("stop", AgentActions.Stop.class);
    ALL.put("kill", AgentActions.Kill.class);
    ALL.put("retry", AgentActions.Retry.class);
    ALL.put("prune", PruneCommand.class);
    ALL.put("apply", ApplyCommand.class);
    ALL.put("tasks", TasksCommand.class);
    ALL.put("context", ContextCommand.class);
    ALL.put("ctx", ContextCommand.class);
    ALL.put("doctor", DoctorCommand.class);
    ALL.put("init", InitCommand.class);
    ALL.put("tools", ToolsCommand.class);
    ALL.put("completion", CompletionCommand.class);
    ALL.put("version", VersionCommand.class);
    ALL.put("plugins", PluginsCommand.class);
    ALL.put("config", ConfigCommand.class);
    ALL.put("serve", ServeCommand.class);
    ALL.put("help", CommandLine.HelpCommand.class);
  }

  // help lists every command; completion describes them all
  private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

  private Commands() {}

  /** The subcommand classes to register for these arguments. */
  static List<Class<?>> neededFor(List<String> args) {
    String word = Cli.commandWord(args);
    if (word == null) {
      boolean versionOnly = args.contains("--version") || args.contains("-V");
      return versionOnly ? List.of() : all();
    }
    Class<?> command = ALL.get(word);
    return command == null || WHOLE_TREE.contains(word) ? all() : List.of(command);
  }

  /** The command words, aliases left out. */
  static List<String> names() {
    return ALL.entrySet().stream()
        .filter(e -> !e.getKey().equals("help"))
        .filter(e -> e.getKey().equals(nameOf(e.getValue())))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static String nameOf(Class<?> command) {
    CommandLine.Command annotation = command.getAnnotation(CommandLine.Command.class);
    return annotation == null ? "" : annotation.name();
  }

  private static List<Class<?>> all() {
    return ALL.values().stream().distinct().toList();
  }
}
