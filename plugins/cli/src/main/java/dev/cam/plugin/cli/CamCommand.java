package dev.cam.plugin.cli;

import dev.cam.api.PlatformContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cam}: the root command and the options every command takes. Its subcommands are added by
 * {@link Commands}, only those a call needs.
 */
@Command(
    name = "cam",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = CamCommand.Version.class,
    description = "Runs AI coding agents in tmux sessions, here or over SSH, and watches them.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:failure",
      "2:usage error: a wrong option, argument or value",
      "3:not found: no such agent, context, plugin or key",
      "4:the agent failed"
    })
final class CamCommand implements Callable<Integer> {
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show the causes and stack traces of errors, and library logs.")
  boolean verbose;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print JSON instead of text (shapes are stable).")
  boolean json;

  // Read by the launcher before the kernel is made; declared here to be documented and accepted.
  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Use this user config file instead of ~/.config/cam/config.toml.")
  Path config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Use this data directory instead of ~/.local/share/cam (CAM_DATA_DIR).")
  Path dataDir;

  @Option(
      names = "--server",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "Work through this CAM server's API instead of the local store, e.g."
              + " http://host:8420 or https://relay/s/ID/ (CAM_SERVER, server.url).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description =
          "The server's API token (CAM_TOKEN, server.token); on the server 'cam config get"
              + " server.token' prints it.")
  String token;

  @Spec CommandSpec spec;

  // Set by the launcher path: whether stdout is a terminal, so colours and spinners may be used.
  private boolean terminal;

  // The process environment; tests give their own.
  private java.util.Map<String, String> env = System.getenv();

  /** The root command of the tree this command belongs to. */
  static CamCommand of(CommandLine command) {
    return (CamCommand) command.getCommandSpec().root().userObject();
  }

  boolean verbose() {
    return verbose;
  }

  /** The user config file given with {@code --config}, or null. */
  Path config() {
    return config;
  }

  boolean json() {
    return json;
  }

  boolean terminal() {
    return terminal;
  }

  void terminal(boolean isTerminal) {
    this.terminal = isTerminal;
  }

  java.util.Map<String, String> env() {
    return env;
  }

  void env(java.util.Map<String, String> environment) {
    this.env = java.util.Map.copyOf(environment);
  }

  /** The {@code --server} URL given, or null. */
  String server() {
    return server;
  }

  /** The {@code --token} given, or null. */
  String token() {
    return token;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** {@code cam --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    private final PlatformContext context;

    Version(PlatformContext context) {
      this.context = context;
    }

    @Override
    public String[] getVersion() {
      return new String[] {"cam " + context.version()};
    }
  }
}
