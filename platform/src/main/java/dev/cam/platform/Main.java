package dev.cam.platform;

import dev.cam.api.Cli;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cam} launcher: starts only the command-line plugin, hands it the arguments and exits
 * with its code. Everything else (config, store, other plugins) is made on first use by the {@link
 * Kernel}, because start-up time is what a person feels on every command.
 */
public final class Main {
  /** System property set by {@code bin/cam}: the distribution's directory. */
  static final String HOME_PROPERTY = "cam.home";

  /**
   * System property set by {@code bin/cam}: the class path holds libraries only, so extensions are
   * looked for in plugins only (looking on the class path opens every jar on it).
   */
  static final String PLUGINS_ONLY_PROPERTY = "cam.extensions.pluginsOnly";

  /** System property set by {@code bin/cam} while it writes the class-data archive. */
  static final String CDS_DUMP_PROPERTY = "cam.cds.dump";

  /** Commands that never read the store. */
  private static final Set<String> NO_STORE_COMMANDS =
      Set.of("plugins", "config", "version", "completion", "help", "doctor", "init", "tools");

  private Main() {}

  public static void main(String[] args) {
    int code =
        Boolean.getBoolean(CDS_DUMP_PROPERTY)
            ? CdsTraining.run(List.of(args), System.getenv(), System.out, System.err)
            : run(List.of(args), System.getenv(), System.out, System.err);
    System.exit(code);
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    LaunchOptions options = LaunchOptions.parse(args);
    if (options.verbose()) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    if (args.equals(List.of("--version")) || args.equals(List.of("-V"))) {
      // The one answer that needs no plugin: starting the command line's plugin costs more
      // than the rest of the JVM's work for it.
      utf8(out).println("cam " + Kernel.readVersion());
      return 0;
    }
    Path workingDir = Path.of("").toAbsolutePath();
    try (Kernel kernel = kernel(env, workingDir, options)) {
      kernel.prepareAhead(readsLocalStore(args, env));
      Optional<Cli> cli = kernel.cli();
      if (cli.isEmpty()) {
        utf8(err)
            .println(
                "cam: cannot start the command line ("
                    + kernel.cliProblem()
                    + "); reinstall CAM or remove the broken plugin");
        return 1;
      }
      return execute(cli.get(), args, out, err);
    }
  }

  /** The kernel of one command, finding extensions as {@code bin/cam} says. */
  static Kernel kernel(Map<String, String> env, Path workingDir, LaunchOptions options) {
    Kernel kernel = new Kernel(home(), env, workingDir, options);
    if (pluginsOnly()) {
      kernel.extensionsFromPluginsOnly();
    }
    return kernel;
  }

  /** Runs one command on the command line with this output; returns its exit code. */
  static int execute(Cli cli, List<String> args, PrintStream out, PrintStream err) {
    PrintWriter output = utf8(out);
    PrintWriter errors = utf8(err);
    int code = cli.execute(args, output, errors);
    output.flush();
    errors.flush();
    return code;
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(stream, true, StandardCharsets.UTF_8);
  }

  /**
   * Whether this command will most likely read this machine's store: then opening it (the SQLite
   * driver's start is ~100 ms of CPU in a cold command) can run on another core while the command
   * line's plugin loads. A wrong guess costs only that work: the command opens the store itself, or
   * never.
   */
  static boolean readsLocalStore(List<String> args, Map<String, String> env) {
    String command = Cli.commandWord(args);
    boolean remote =
        args.contains("--server")
            || args.stream().anyMatch(a -> a.startsWith("--server="))
            || env.get("CAM_SERVER") != null;
    return command != null && !remote && !NO_STORE_COMMANDS.contains(command);
  }

  static boolean pluginsOnly() {
    return Boolean.getBoolean(PLUGINS_ONLY_PROPERTY);
  }

  /** {@code -Dcam.home}, else the directory above the {@code lib/} holding this class. */
  static Path home() {
    String configured = System.getProperty(HOME_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    try {
      Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path parent = code.getParent();
      return parent.getParent() == null ? parent : parent.getParent();
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
