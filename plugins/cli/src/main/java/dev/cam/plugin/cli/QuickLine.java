package dev.cam.plugin.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command line read without picocli, for the {@link QuickCommands quick path}. It reads only the
 * plainest forms ({@code --name value}, {@code --name=value}, flags as words of their own,
 * arguments that don't start with {@code -}) of options it is told about, and gives up on anything
 * else, which picocli then parses and, if wrong, explains.
 *
 * <p>Options of the root command ({@code --json}, {@code -v}, {@code --server} ...) may stand
 * before or after the command word, as picocli's inherited options do; the command's own options
 * only after it.
 */
final class QuickLine {
  /** One option: the key it is stored under, whether it takes a value, whether it may repeat. */
  record Option(String key, boolean takesValue, boolean repeats) {}

  private static final Map<String, Option> ROOT_OPTIONS =
      Map.of(
          "--json", new Option("json", false, false),
          "-v", new Option("verbose", false, false),
          "--verbose", new Option("verbose", false, false),
          "--server", new Option("server", true, false),
          "--token", new Option("token", true, false),
          "--config", new Option("config", true, false),
          "--data-dir", new Option("data-dir", true, false));

  private final String command;
  private final Map<String, List<String>> values;
  private final List<String> arguments;

  private QuickLine(String command, Map<String, List<String>> values, List<String> arguments) {
    this.command = command;
    this.values = values;
    this.arguments = arguments;
  }

  /**
   * Reads {@code args} as the root options, a command word of {@code commands}, then that command's
   * options and arguments; empty when the command is not one of them or something is not in the
   * plainest form.
   *
   * @param commands each command word with its own options
   */
  static Optional<QuickLine> parse(List<String> args, Map<String, Map<String, Option>> commands) {
    Map<String, List<String>> values = new HashMap<>();
    List<String> arguments = new ArrayList<>();
    String command = null;
    Map<String, Option> options = Map.of();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-")) {
        return Optional.empty();
      }
      if (!arg.startsWith("-")) {
        if (command == null) {
          command = arg;
          options = commands.get(command);
          if (options == null) {
            return Optional.empty();
          }
        } else {
          arguments.add(arg);
        }
        continue;
      }
      int equals = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String name = equals < 0 ? arg : arg.substring(0, equals);
      Option option = ROOT_OPTIONS.get(name);
      if (option == null) {
        option = options.get(name);
      }
      if (option == null || (!option.takesValue() && equals >= 0)) {
        return Optional.empty();
      }
      String value = "true";
      if (option.takesValue()) {
        if (equals >= 0) {
          value = arg.substring(equals + 1);
        } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          value = args.get(++i);
        } else {
          return Optional.empty();
        }
      }
      List<String> seen = values.computeIfAbsent(option.key(), k -> new ArrayList<>());
      if (!seen.isEmpty() && !option.repeats()) {
        return Optional.empty();
      }
      seen.add(value);
    }
    return command == null
        ? Optional.empty()
        : Optional.of(new QuickLine(command, values, arguments));
  }

  String command() {
    return command;
  }

  List<String> arguments() {
    return arguments;
  }

  boolean flag(String key) {
    return values.containsKey(key);
  }

  /** The option's value, or null when it was not given. */
  String value(String key) {
    List<String> given = values.get(key);
    return given == null ? null : given.get(0);
  }

  /** Every value given for a repeatable option, in order. */
  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** A whole number of at most nine digits, or the default when not given; empty when other. */
  Optional<Integer> count(String key, int defaultValue) {
    String given = value(key);
    if (given == null) {
      return Optional.of(defaultValue);
    }
    return given.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(given)) : Optional.empty();
  }
}
