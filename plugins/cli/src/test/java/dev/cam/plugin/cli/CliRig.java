package dev.cam.plugin.cli;

import dev.cam.api.Agent;
import dev.cam.api.AgentOptions;
import dev.cam.api.AgentState;
import dev.cam.api.AgentStatus;
import dev.cam.api.Machine;
import dev.cam.platform.Kernel;
import dev.cam.platform.LaunchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real kernel on temporary directories and {@code cam} run through picocli with captured output.
 * Close it after each test.
 */
public final class CliRig implements AutoCloseable {
  private final Path temp;
  private final Kernel kernel;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();
  private Map<String, String> cliEnv = Map.of();

  public CliRig(Path temp) {
    this(temp, Map.of());
  }

  public CliRig(Path temp, Map<String, String> extraEnv) {
    this.temp = temp;
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("HOME", temp.resolve("home").toString());
    env.put("CAM_CONFIG_DIR", temp.resolve("config").toString());
    env.put("CAM_DATA_DIR", temp.resolve("data").toString());
    // a private tmux server, should any command reach the tmux transport
    env.put("CAM_TMUX_SOCKET", temp.resolve("tmux.sock").toString());
    this.kernel = new Kernel(temp.resolve("cam-home"), env, temp, LaunchOptions.NONE);
  }

  public Kernel kernel() {
    return kernel;
  }

  public Path temp() {
    return temp;
  }

  /** Runs {@code cam args...} and returns its exit code; output is collected. */
  public int cam(String... args) {
    List<String> list = List.of(args);
    picocli.CommandLine line =
        PicocliCli.commandLine(kernel, new PrintWriter(out), new PrintWriter(err), list);
    ((CamCommand) line.getCommand()).env(cliEnv);
    return line.execute(args);
  }

  /**
   * Runs {@code cam args...} on the quick path (no picocli) when it takes them; output is
   * collected.
   *
   * @return the exit code, or empty when the quick path leaves these arguments to picocli
   */
  public java.util.Optional<Integer> quick(String... args) {
    return QuickCommands.run(
        kernel, List.of(args), new PrintWriter(out), new PrintWriter(err), false, cliEnv);
  }

  /** The environment the command line sees from now on (CAM_SERVER, CAM_TOKEN), none at first. */
  public void cliEnv(Map<String, String> environment) {
    this.cliEnv = Map.copyOf(environment);
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }

  /** Forgets the output so far. */
  public void clear() {
    out = new StringWriter();
    err = new StringWriter();
  }

  /** Saves an agent with this id, tool and status, created {@code age} ago. */
  public Agent agent(String id, String tool, AgentStatus status, Duration age) {
    Instant created = Instant.now().minus(age);
    Agent agent =
        new Agent(
            id,
            null,
            tool,
            null,
            Machine.LOCAL,
            temp.toString(),
            "fix the tests in " + id,
            status,
            status.isTerminal() ? AgentState.IDLE : AgentState.EDITING,
            "tmux",
            "cam-" + id.substring(0, Math.min(8, id.length())),
            created,
            created.plusSeconds(1),
            status.isTerminal() ? created.plusSeconds(61) : null,
            status == AgentStatus.FAILED ? "tool exited" : null,
            1,
            AgentOptions.DEFAULTS);
    kernel.agents().save(agent);
    return agent;
  }

  /** The private tmux server's socket. */
  public Path tmuxSocket() {
    return temp.resolve("tmux.sock");
  }

  @Override
  public void close() {
    kernel.close();
    try {
      new ProcessBuilder("tmux", "-S", tmuxSocket().toString(), "kill-server")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (java.io.IOException e) {
      // no tmux, no server to end
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
