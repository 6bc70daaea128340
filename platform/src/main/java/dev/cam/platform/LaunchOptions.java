package dev.cam.platform;

import dev.cam.api.Cli;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global options the launcher must know before the command line is parsed, because they decide
 * how the kernel is built: {@code --config FILE}, {@code --data-dir DIR}, {@code -v}, and the
 * options of {@code cam serve} that are configuration keys given as flags ({@code --relay URL} is
 * {@code relay.url}, {@code --host}, {@code --port} are {@code server.host}, {@code server.port}).
 * The command line declares and documents them too.
 *
 * @param configFile the user config file to use instead of {@code ~/.config/cam/config.toml}, or
 *     null
 * @param dataDir the data directory to use instead of {@code ~/.local/share/cam}, or null
 * @param verbose whether to show causes and library logs
 * @param flags configuration keys given as options, the configuration's flag layer; copied
 */
public record LaunchOptions(
    Path configFile, Path dataDir, boolean verbose, Map<String, String> flags) {
  public static final LaunchOptions NONE = new LaunchOptions(null, null, false);

  /**
   * {@code cam serve}'s options that are configuration keys, and the key each sets. Only that
   * command's: other commands have options of the same names ({@code context add --host}).
   */
  private static final Map<String, String> SERVE_FLAG_KEYS =
      Map.of("--relay", "relay.url", "--host", "server.host", "--port", "server.port");

  public LaunchOptions {
    flags = flags == null ? Map.of() : Map.copyOf(flags);
  }

  public LaunchOptions(Path configFile, Path dataDir, boolean verbose) {
    this(configFile, dataDir, verbose, Map.of());
  }

  /** Picks the global options out of the arguments, up to a {@code --}. */
  public static LaunchOptions parse(List<String> args) {
    Path config = null;
    Path data = null;
    boolean verbose = false;
    Map<String, String> flags = new LinkedHashMap<>();
    String command = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (arg.equals("--")) {
        break;
      } else if (arg.equals("-v") || arg.equals("--verbose")) {
        verbose = true;
      } else if (arg.startsWith("--config=")) {
        config = Path.of(arg.substring("--config=".length()));
      } else if (arg.equals("--config") && next != null) {
        config = Path.of(next);
      } else if (arg.startsWith("--data-dir=")) {
        data = Path.of(arg.substring("--data-dir=".length()));
      } else if (arg.equals("--data-dir") && next != null) {
        data = Path.of(next);
      } else if (command == null && !arg.startsWith("-")) {
        command = arg;
      } else if ("serve".equals(command)) {
        flag(arg, next, flags);
      }
      if (Cli.isGlobalOptionWithValue(arg) || "serve".equals(command) && isFlag(arg)) {
        i++;
      }
    }
    return new LaunchOptions(config, data, verbose, flags);
  }

  private static boolean isFlag(String arg) {
    return SERVE_FLAG_KEYS.containsKey(arg);
  }

  private static void flag(String arg, String next, Map<String, String> flags) {
    int equals = arg.indexOf('=');
    String name = equals < 0 ? arg : arg.substring(0, equals);
    String key = SERVE_FLAG_KEYS.get(name);
    if (key == null) {
      return;
    }
    if (equals >= 0) {
      flags.put(key, arg.substring(equals + 1));
    } else if (next != null) {
      flags.put(key, next);
    }
  }
}
