package dev.cam.plugin.cli;

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
    ALL.put("version", VersionCommand.class);
    ALL.put("plugins", PluginsCommand.class);
    ALL.put("config", ConfigCommand.class);
    ALL.put("serve", ServeCommand.class);
    ALL.put("help", CommandLine.HelpCommand.class);
  }

  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config", "--data-dir");

  private Commands() {}

  /** The subcommand classes to register for these arguments. */
  static List<Class<?>> neededFor(List<String> args) {
    String word = commandWord(args);
    if (word == null) {
      boolean versionOnly = args.contains("--version") || args.contains("-V");
      return versionOnly ? List.of() : List.copyOf(ALL.values());
    }
    Class<?> command = ALL.get(word);
    return command == null || word.equals("help") ? List.copyOf(ALL.values()) : List.of(command);
  }

  /** The first argument that is not an option or an option's value, or null. */
  static String commandWord(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        return null;
      }
      if (OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }
}
