package dev.cam.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * The global options the launcher must know before the command line is parsed, because they decide
 * how the kernel is built: {@code --config FILE}, {@code --data-dir DIR} and {@code -v}. The
 * command line declares and documents them too.
 *
 * @param configFile the user config file to use instead of {@code ~/.config/cam/config.toml}, or
 *     null
 * @param dataDir the data directory to use instead of {@code ~/.local/share/cam}, or null
 * @param verbose whether to show causes and library logs
 */
public record LaunchOptions(Path configFile, Path dataDir, boolean verbose) {
  public static final LaunchOptions NONE = new LaunchOptions(null, null, false);

  /** Picks the global options out of the arguments, up to a {@code --}. */
  public static LaunchOptions parse(List<String> args) {
    Path config = null;
    Path data = null;
    boolean verbose = false;
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
      }
    }
    return new LaunchOptions(config, data, verbose);
  }
}
